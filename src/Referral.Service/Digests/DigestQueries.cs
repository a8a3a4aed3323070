using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Service.Cases;
using Referral.Service.Escalation;
using Referral.Service.Mail;
using Referral.Service.Mail.Templates;
using Referral.Service.Reference;

namespace Referral.Service.Digests;

/// <summary>
/// What the digests list, computed from one snapshot of the open cases (one query, the few columns
/// needed) so that a morning's digests for every department cost one read of the database.
/// </summary>
public sealed class DigestQueries(ReferralDbContext db, ReferenceDataCache reference, CaseSchedule schedule, IOptions<MailOptions> mail)
{
    /// <summary>An open case as the digests see it.</summary>
    public sealed record Row(
        Guid Id, string IncidentNumber, string DisputeTypeCode, WarningColor Color, CaseStatus Status, string? Lead, List<string> CoHandlers,
        DateTimeOffset? AcceptDueAt, DateTimeOffset? ResolveDueAt, DateTimeOffset? FeedbackDueAt, DateTimeOffset? HoldReviewAt,
        int RejectCount, int ReopenCount, int EscalationCount, List<string> PartyNames);

    /// <summary>Every open case, most urgent first (then oldest first), as every list built from it shows them.</summary>
    public async Task<IReadOnlyList<Row>> OpenCasesAsync(CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        return await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.FollowedUp)
            .MostUrgentFirst().ThenBy(c => c.ReferredAt).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.IncidentNumber, c.DisputeTypeCode, c.Color, c.Status, c.LeadDepartmentCode, c.CoHandlerCodes,
                c.AcceptDueAt, c.ResolveDueAt, c.FeedbackDueAt, c.HoldReviewAt, c.RejectCount, c.ReopenCount, c.EscalationCount,
                c.Parties.Select(p => p.Name).ToList()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// 日清 for one department on a working day: overdue (most overdue first), due today, without
    /// feedback yesterday, waiting to be accepted. Each case appears once, in its most urgent section.
    /// </summary>
    public DailyDigest Daily(IReadOnlyList<Row> rows, string department, DateOnly day, DateTimeOffset now)
    {
        var calendar = schedule.Deadlines.Calendar;
        var mine = rows.Where(r => r.Lead == department || r.CoHandlers.Contains(department)).ToList();
        var (dayStart, dayEnd) = LocalDay(day);
        var todayStart = calendar.IsWorkingDay(day) ? calendar.StartOfWorkingDay(day) : dayStart;
        var listed = new HashSet<Guid>();
        IReadOnlyList<DigestCase> Take(IEnumerable<Row> candidates, Func<Row, DigestCase> view) =>
            candidates.Where(r => listed.Add(r.Id)).Select(view).ToList();

        var overdue = Take(mine.Where(r => IsOverdue(r, now)).OrderByDescending(r => Overdue(r, now)).ThenByDescending(r => r.Color),
            r => View(r, now, department));
        var dueToday = Take(mine.Where(r => Due(r) is { } d && d >= dayStart && d < dayEnd).OrderBy(r => Due(r)), r => View(r, now, department));
        var silent = Take(mine.Where(r => r.Status is CaseStatus.Accepted or CaseStatus.InProgress && r.FeedbackDueAt < todayStart)
            .OrderByDescending(r => r.Color), r => View(r, now, department));
        var toAccept = Take(mine.Where(r => r.Status == CaseStatus.Routed && r.Lead == department).OrderByDescending(r => r.Color),
            r => View(r, now, department));
        var lead = mine.Where(r => r.Lead == department).ToList();
        return new DailyDigest(reference.DepartmentName(department), Date(day),
        [
            new DigestSection("已超期", "请立即办理，或向矛调中心说明情况。", overdue),
            new DigestSection("今日到期", "今天内须签收、反馈或办结。", dueToday),
            new DigestSection("昨日未反馈", "日清：每个工作日须反馈一次办理进展。", silent),
            new DigestSection("待签收", "新分派的案件，请尽快签收。", toAccept),
        ], Counts(lead));
    }

    /// <summary>日清 across departments, for the center: one line per department with open cases, and every red case.</summary>
    public CenterSummary Center(IReadOnlyList<Row> rows, DateOnly day, DateTimeOffset now)
    {
        var (dayStart, dayEnd) = LocalDay(day);
        var calendar = schedule.Deadlines.Calendar;
        var todayStart = calendar.IsWorkingDay(day) ? calendar.StartOfWorkingDay(day) : dayStart;
        var lines = rows.GroupBy(r => r.Lead)
            .Select(g => new DepartmentLine(reference.DepartmentName(g.Key), g.Count(), g.Count(r => r.Status == CaseStatus.Routed),
                g.Count(r => IsOverdue(r, now)),
                g.Count(r => r.Status is CaseStatus.Accepted or CaseStatus.InProgress && r.FeedbackDueAt < todayStart),
                g.Count(r => Due(r) is { } d && d >= dayStart && d < dayEnd), g.Count(r => r.Color == WarningColor.Red)))
            .OrderByDescending(l => l.Overdue).ThenByDescending(l => l.Red).ThenByDescending(l => l.Open).ToList();
        var red = rows.Where(r => r.Color == WarningColor.Red).OrderByDescending(r => Overdue(r, now)).Select(r => View(r, now, null)).ToList();
        return new CenterSummary(Date(day), lines, red);
    }

    /// <summary>
    /// 周结: every case not closed normally — overdue, rejected back to triage, reopened, escalated,
    /// on hold too long — for the center (department null) or one department.
    /// </summary>
    public WeeklyReview Weekly(IReadOnlyList<Row> rows, string? department, string week, DateTimeOffset now)
    {
        var items = new List<WeeklyItem>();
        foreach (var r in rows.Where(r => department is null || r.Lead == department))
        {
            var reasons = new List<string>();
            if (IsOverdue(r, now)) reasons.Add($"超期{Overdue(r, now)}个工作日");
            if (r.Status == CaseStatus.Triage && r.RejectCount > 0) reasons.Add("被退回待分派");
            if (r.ReopenCount > 0) reasons.Add("纠纷复发重新打开");
            if (r.EscalationCount > 0) reasons.Add($"预警升级{r.EscalationCount}次");
            if (r.Status == CaseStatus.OnHold && r.HoldReviewAt <= now) reasons.Add("暂停时间过长");
            if (reasons.Count > 0) items.Add(new WeeklyItem(View(r, now, department), reasons));
        }
        return new WeeklyReview(week, department is null ? null : reference.DepartmentName(department),
            items.OrderByDescending(i => i.Case.DaysOverdue).ThenByDescending(i => i.Case.Color).ToList());
    }

    public DigestCase View(Row r, DateTimeOffset now, string? forDepartment)
    {
        var due = Due(r);
        var label = r.Status switch
        {
            CaseStatus.Routed => "签收期限",
            CaseStatus.Accepted or CaseStatus.InProgress => r.FeedbackDueAt < r.ResolveDueAt && r.FeedbackDueAt == due ? "反馈期限" : "办结期限",
            _ => null,
        };
        return new DigestCase(r.Id, r.IncidentNumber, reference.DisputeTypeName(r.DisputeTypeCode), r.Color, r.Status.ChineseName(),
            reference.DepartmentName(r.Lead), string.Join("、", r.PartyNames.Select(PersonalData.MaskName)),
            due is null ? null : label, due is null ? null : CaseSummary.Local(due.Value), Overdue(r, now),
            forDepartment is not null && r.Lead != forDepartment, $"{mail.Value.BaseUrl.TrimEnd('/')}/cases/{r.Id}");
    }

    private static bool IsOverdue(Row r, DateTimeOffset now) => r.Status switch
    {
        CaseStatus.Routed => r.AcceptDueAt < now,
        CaseStatus.Accepted or CaseStatus.InProgress => r.ResolveDueAt < now,
        _ => false,
    };

    private int Overdue(Row r, DateTimeOffset now) =>
        IsOverdue(r, now) && (r.Status == CaseStatus.Routed ? r.AcceptDueAt : r.ResolveDueAt) is { } due
            ? Math.Max(1, schedule.Deadlines.WorkingDaysOverdue(due, now)) : 0;

    /// <summary>The next deadline the department has to meet.</summary>
    private static DateTimeOffset? Due(Row r) => r.Status switch
    {
        CaseStatus.Routed => r.AcceptDueAt,
        CaseStatus.Accepted or CaseStatus.InProgress => new[] { r.FeedbackDueAt, r.ResolveDueAt }.Where(d => d is not null).Min(),
        _ => null,
    };

    private static ColorCounts Counts(IReadOnlyList<Row> rows) => new(rows.Count(r => r.Color == WarningColor.Red),
        rows.Count(r => r.Color == WarningColor.Yellow), rows.Count(r => r.Color == WarningColor.Green));

    private (DateTimeOffset Start, DateTimeOffset End) LocalDay(DateOnly day)
    {
        var zone = schedule.Deadlines.Calendar.TimeZone;
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        return (start, start.AddDays(1));
    }

    private static string Date(DateOnly day) => day.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
