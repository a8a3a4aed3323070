using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Data;
using Referral.Service.Digests.Templates;
using Referral.Service.Escalation;
using Referral.Service.Mail;
using Referral.Service.Notifications;
using Referral.Service.Reference;

namespace Referral.Service.Digests;

public enum DigestKind
{
    /// <summary>日清 for one department.</summary>
    Daily,
    /// <summary>日清 summary for the center.</summary>
    Center,
    /// <summary>周结 for the center and the supervisors.</summary>
    Weekly,
    /// <summary>周结 reminder (督促提醒) for one department with cases not closed normally.</summary>
    Reminder,
}

/// <summary>A digest ready to queue or to preview.</summary>
public sealed record RenderedDigest(DigestKind Kind, string Period, Recipient To, string Subject, string Html, string Text)
{
    public string Key => KeyOf(Kind, Period, To);

    public static string KeyOf(DigestKind kind, string period, Recipient to) => $"digest-{kind.ToString().ToLowerInvariant()}:{period}:{to.Key}";
}

/// <summary>
/// Builds and queues the digests. Each is queued once per (recipient, kind, period) — the mail
/// outbox's unique key — so a second run, a second instance or a run after a crash queues nothing
/// twice; the mail relay sends what is queued, with retries, even after a restart.
/// </summary>
public sealed class DigestService(ReferralDbContext db, DigestQueries queries, ReferenceDataCache reference, Recipients recipients,
    EmailRenderer renderer, CaseNotices notices, MailOutbox mail, CaseSchedule schedule, IOptions<DigestOptions> options, TimeProvider time,
    ILogger<DigestService> logger)
{
    /// <summary>Queues 日清 for every department and the center if today is a working day and it is time. Returns how many were queued.</summary>
    public async Task<int> SendDailyIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var calendar = schedule.Deadlines.Calendar;
        var today = calendar.DateOf(now);
        if (!calendar.IsWorkingDay(today) || TimeOnly.FromDateTime(calendar.InZone(now).DateTime) < options.Value.DailyAt) return 0;
        if (await AllDailyQueuedAsync(today, cancellationToken)) return 0;
        return await QueueAllAsync(await DailyAsync(today, now, cancellationToken), cancellationToken);
    }

    /// <summary>Queues 周结 on the first working day of the week, from the configured time.</summary>
    public async Task<int> SendWeeklyIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var calendar = schedule.Deadlines.Calendar;
        var today = calendar.DateOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWorkingDay = Enumerable.Range(0, 7).Select(monday.AddDays).FirstOrDefault(calendar.IsWorkingDay);
        if (today != firstWorkingDay || TimeOnly.FromDateTime(calendar.InZone(now).DateTime) < options.Value.WeeklyAt) return 0;
        // The week's review is taken once, at the first run from the configured time: the reminders go first and the
        // center's and supervisors' copies last, so once those are queued the week is done; otherwise a department
        // whose case fell overdue later that day would get a reminder the center's list does not show.
        var weekly = $"digest-weekly:{WeekOf(today)}:";
        if (await db.OutgoingMail.AnyAsync(m => m.Key.StartsWith(weekly), cancellationToken)) return 0;
        var digests = await WeeklyAsync(today, now, cancellationToken);
        return await QueueAllAsync(digests.OrderBy(d => d.Kind == DigestKind.Weekly).ToList(), cancellationToken);
    }

    /// <summary>Every digest of one kind and period, rendered (for the jobs, the preview and the re-send).</summary>
    public async Task<IReadOnlyList<RenderedDigest>> RenderAsync(DigestKind kind, string period, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = kind is DigestKind.Daily or DigestKind.Center
            ? await DailyAsync(ParseDay(period), now, cancellationToken)
            : await WeeklyAsync(ParseWeek(period), now, cancellationToken);
        return all.Where(d => d.Kind == kind).ToList();
    }

    /// <summary>Queues one digest again (an admin re-send): a new key, so that it goes out even though the first did.</summary>
    public async Task<bool> ResendAsync(DigestKind kind, string period, string recipientKey, string by, CancellationToken cancellationToken)
    {
        var digest = (await RenderAsync(kind, period, cancellationToken)).FirstOrDefault(d => d.To.Key == recipientKey);
        if (digest is null) return false;
        var key = $"{digest.Key}:resend:{time.GetUtcNow().UtcTicks}";
        mail.Add(db, new MailDraft(key, $"digest-{kind.ToString().ToLowerInvariant()}", digest.To.Address, digest.To.Name, digest.Subject, digest.Text, digest.Html));
        await db.SaveChangesAsync(cancellationToken);
        mail.Notify();
        logger.LogInformation("{User} re-sent the {Kind} digest of {Period} to {Recipient}", by, kind, period, recipientKey);
        return true;
    }

    private async Task<int> QueueAllAsync(IReadOnlyList<RenderedDigest> digests, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var d in digests)
        {
            var draft = new MailDraft(d.Key, $"digest-{d.Kind.ToString().ToLowerInvariant()}", d.To.Address, d.To.Name, d.Subject, d.Text, d.Html);
            if (await mail.AddOnceAsync(db, draft, cancellationToken)) queued++;
        }
        if (queued > 0) logger.LogInformation("Queued {Count} digests", queued);
        return queued;
    }

    /// <summary>
    /// Whether every 日清 of the day is already queued: the job runs every few minutes all day, and
    /// without this check it would render every department's digest on each run only to find its key taken.
    /// </summary>
    private async Task<bool> AllDailyQueuedAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var keys = HandlingDepartments().Select(d => recipients.Department(d.Code)).OfType<Recipient>()
            .Select(to => RenderedDigest.KeyOf(DigestKind.Daily, period, to)).ToList();
        if (recipients.Center() is { } center) keys.Add(RenderedDigest.KeyOf(DigestKind.Center, period, center));
        return keys.Count > 0 && await db.OutgoingMail.CountAsync(m => keys.Contains(m.Key), cancellationToken) == keys.Count;
    }

    private async Task<IReadOnlyList<RenderedDigest>> DailyAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await queries.OpenCasesAsync(cancellationToken);
        var period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digests = new List<RenderedDigest>();
        foreach (var department in HandlingDepartments())
        {
            if (recipients.Department(department.Code) is not { } to) continue;
            var digest = queries.Daily(rows, department.Code, day, now);
            var html = await renderer.RenderAsync<DailyDigestEmail>(new Dictionary<string, object?> { ["Digest"] = digest });
            var subject = digest.IsEmpty
                ? $"【警情通办】日清提醒 {digest.Date}：今日无待办案件"
                : $"【警情通办】日清提醒 {digest.Date}：超期{digest.Sections[0].Cases.Count}件，今日到期{digest.Sections[1].Cases.Count}件";
            digests.Add(new RenderedDigest(DigestKind.Daily, period, to, subject, html, DigestText.Daily(digest)));
        }
        if (recipients.Center() is { } center)
        {
            var summary = queries.Center(rows, day, now);
            var html = await renderer.RenderAsync<CenterSummaryEmail>(new Dictionary<string, object?> { ["Summary"] = summary });
            var subject = summary.IsEmpty ? $"【警情通办】日清汇总 {summary.Date}：无在办案件" : $"【警情通办】日清汇总 {summary.Date}：红色预警{summary.RedCases.Count}件";
            digests.Add(new RenderedDigest(DigestKind.Center, period, center, subject, html, DigestText.Center(summary)));
        }
        return digests;
    }

    private async Task<IReadOnlyList<RenderedDigest>> WeeklyAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await queries.OpenCasesAsync(cancellationToken);
        var week = WeekOf(day);
        var digests = new List<RenderedDigest>();
        var all = queries.Weekly(rows, null, week, now);
        var allHtml = await renderer.RenderAsync<WeeklyReviewEmail>(new Dictionary<string, object?> { ["Review"] = all });
        var allSubject = all.IsEmpty ? $"【警情通办】周结 {week}：无未正常完结案件" : $"【警情通办】周结 {week}：未正常完结案件{all.Items.Count}件";
        var readers = new List<Recipient>();
        if (recipients.Center() is { } center) readers.Add(center);
        readers.AddRange(await recipients.SupervisorsAsync());
        digests.AddRange(readers.Select(r => new RenderedDigest(DigestKind.Weekly, week, r, allSubject, allHtml, DigestText.Weekly(all))));
        foreach (var department in HandlingDepartments())
        {
            var review = queries.Weekly(rows, department.Code, week, now);
            if (review.IsEmpty || recipients.Department(department.Code) is not { } to) continue;
            var html = await renderer.RenderAsync<WeeklyReviewEmail>(new Dictionary<string, object?> { ["Review"] = review });
            digests.Add(new RenderedDigest(DigestKind.Reminder, week, to, $"【警情通办】督促提醒 {week}：{review.Items.Count}件案件未正常完结", html,
                DigestText.Weekly(review)));
        }
        return digests;
    }

    private static string WeekOf(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}";

    private IEnumerable<Department> HandlingDepartments() =>
        reference.Departments.Where(d => d.IsActive && d.Kind != DepartmentKind.Center).OrderBy(d => d.Kind).ThenBy(d => d.Code);

    private static DateOnly ParseDay(string period) =>
        DateOnly.TryParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new FormatException("period: yyyy-MM-dd, e.g. 2026-11-24");

    /// <summary>The Monday of an ISO week written yyyy-Www.</summary>
    private static DateOnly ParseWeek(string period)
    {
        var parts = period.Split("-W");
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var y) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var w)
            && w >= 1 && w <= ISOWeek.GetWeeksInYear(y))
            return DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
        throw new FormatException("period: yyyy-Www, e.g. 2026-W48");
    }

    /// <summary>回访: a reminder to the lead department for each closed case whose follow-up visit is due, once per closing.</summary>
    public async Task<int> SendFollowUpRemindersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Closed && c.FollowUpDueAt <= now).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var c in due)
        {
            if (recipients.Department(c.LeadDepartmentCode) is not { } to) continue;
            var key = $"follow-up-due:{c.Id:N}:{c.ClosedAt?.UtcTicks}:{to.Key}";
            if (await db.OutgoingMail.AnyAsync(m => m.Key == key, cancellationToken)) continue;
            var draft = await notices.RenderAsync(key, "follow-up-due", to, c, "回访提醒",
                "以下案件已办结，回访时间已到。请回访当事人（是否平稳、是否满意），并在平台记录回访结果，闭环防复。");
            if (await mail.AddOnceAsync(db, draft, cancellationToken)) queued++;
        }
        return queued;
    }
}
