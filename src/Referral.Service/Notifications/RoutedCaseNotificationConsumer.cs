using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Digests;
using Referral.Service.Mail;
using Referral.Service.Mail.Templates;
using Referral.Service.Reference;

namespace Referral.Service.Notifications;

/// <summary>
/// New cases to their departments (and unrouted ones to the center), gathered over a short window:
/// a burst of referrals — a busy night, an import — gives each department one email listing its new
/// cases rather than one email per case. Inbox rows and mail rows are saved together.
/// </summary>
public sealed class RoutedCaseNotificationConsumer(ReferralDbContext db, ReferenceDataCache reference, Recipients recipients,
    CaseNotices notices, EmailRenderer renderer, MailOutbox mail, IOptions<MailOptions> mailOptions, TimeProvider time)
    : IConsumer<Batch<CaseRouted>>
{
    public const string Name = "notifications-routed";

    private sealed record Notice(string Kind, Recipient To, string Title, string Lead, Case Case, Guid MessageId);

    public async Task Consume(ConsumeContext<Batch<CaseRouted>> context)
    {
        var ids = context.Message.Select(m => m.MessageId ?? throw new InvalidOperationException("Case events always carry a message id")).ToList();
        var done = await db.Inbox.Where(m => ids.Contains(m.MessageId) && m.Consumer == Name).Select(m => m.MessageId).ToListAsync(context.CancellationToken);
        var fresh = context.Message.Where(m => !done.Contains(m.MessageId!.Value)).ToList();
        if (fresh.Count == 0) return;
        await reference.EnsureFreshAsync(context.CancellationToken);
        var caseIds = fresh.Select(m => m.Message.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, context.CancellationToken);

        var notices = fresh.Where(m => cases.ContainsKey(m.Message.CaseId)).SelectMany(m => NoticesFor(cases[m.Message.CaseId], m.MessageId!.Value));
        foreach (var group in notices.GroupBy(n => (n.Kind, n.To.Address)))
            mail.Add(db, await RenderAsync(group.ToList()));
        var now = time.GetUtcNow();
        db.Inbox.AddRange(fresh.Select(m => new InboxMessage { MessageId = m.MessageId!.Value, Consumer = Name, ProcessedAt = now }));
        await db.SaveChangesAsync(context.CancellationToken);
        mail.Notify();
    }

    private IEnumerable<Notice> NoticesFor(Case c, Guid messageId)
    {
        if (c.Status == CaseStatus.Triage)
        {
            if (recipients.Center() is { } center)
                yield return new Notice("case-triage", center, "新案件待分派", "以下案件没有匹配的分流规则，请矛调中心分派。", c, messageId);
            yield break;
        }
        if (recipients.Department(c.LeadDepartmentCode) is { } lead)
            yield return new Notice("case-routed", lead, "新案件待签收", "请及时签收以下案件，并每个工作日反馈办理进展（日清）。", c, messageId);
        foreach (var code in c.CoHandlerCodes)
            if (recipients.Department(code) is { } co)
                yield return new Notice("case-co-handling", co, "协办案件", "贵单位为以下案件的协办单位，请配合主办单位办理。", c, messageId);
    }

    /// <summary>One case: the usual notice. Several: one email listing them. The key follows the events it covers.</summary>
    private async Task<MailDraft> RenderAsync(IReadOnlyList<Notice> group)
    {
        var first = group[0];
        var key = $"{first.Kind}:{Fingerprint(group.Select(n => n.MessageId))}:{first.To.Key}";
        if (group.Count == 1) return await notices.RenderAsync(key, first.Kind, first.To, first.Case, first.Title, first.Lead);

        var now = time.GetUtcNow();
        var rows = group.Select(n => Row(n.Case, now)).ToList();
        var title = $"{first.Title}（{group.Count}件）";
        var html = await renderer.RenderAsync<CaseListNoticeEmail>(new Dictionary<string, object?>
        {
            [nameof(CaseListNoticeEmail.Title)] = title,
            [nameof(CaseListNoticeEmail.Lead)] = first.Lead,
            [nameof(CaseListNoticeEmail.Cases)] = rows,
        });
        var text = new StringBuilder($"{title}\n\n{first.Lead}\n\n");
        foreach (var r in rows) text.Append($"- {r.IncidentNumber}（{Referral.Core.Grading.WarningColorExtensions.ChineseName(r.Color)}）{r.DisputeTypeName}，{r.Due}，当事人 {r.Parties}\n  {r.Link}\n");
        text.Append("\n—— 警情通办（本邮件由系统自动发送，当事人个人信息已脱敏）");
        return new MailDraft(key, first.Kind, first.To.Address, first.To.Name, $"【警情通办】{title}", text.ToString(), html);
    }

    private DigestCase Row(Case c, DateTimeOffset now)
    {
        var summary = CaseSummary.Of(c, reference, now);
        return new DigestCase(c.Id, c.IncidentNumber, summary.DisputeTypeName, c.Color, summary.StatusName, summary.DepartmentName,
            string.Join("、", c.Parties.Select(p => PersonalData.MaskName(p.Name))), summary.DeadlineLabel, summary.Deadline, 0, false,
            $"{mailOptions.Value.BaseUrl.TrimEnd('/')}/cases/{c.Id}");
    }

    private static string Fingerprint(IEnumerable<Guid> ids) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', ids.Order()))))[..16];
}
