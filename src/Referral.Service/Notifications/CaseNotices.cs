using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Service.Mail;
using Referral.Service.Mail.Templates;
using Referral.Service.Reference;

namespace Referral.Service.Notifications;

/// <summary>Renders a notification about one case for one recipient: HTML from the Razor components, and plain text.</summary>
public sealed class CaseNotices(EmailRenderer renderer, ReferenceDataCache reference, IOptions<MailOptions> mail, TimeProvider time)
{
    public async Task<MailDraft> RenderAsync(string key, string kind, Recipient to, Case c, string title, string lead)
    {
        var summary = CaseSummary.Of(c, reference, time.GetUtcNow());
        var link = $"{mail.Value.BaseUrl.TrimEnd('/')}/cases/{c.Id}";
        var html = await renderer.RenderAsync<CaseNoticeEmail>(new Dictionary<string, object?>
        {
            [nameof(CaseNoticeEmail.Title)] = title,
            [nameof(CaseNoticeEmail.Lead)] = lead,
            [nameof(CaseNoticeEmail.Case)] = summary,
            [nameof(CaseNoticeEmail.Link)] = link,
        });
        var text = $"{title}\n\n{lead}\n\n{summary.ToText(link)}\n\n—— 警情通办（本邮件由系统自动发送，当事人个人信息已脱敏）";
        var subject = $"【警情通办】{title}：{c.IncidentNumber}（{Referral.Core.Grading.WarningColorExtensions.ChineseName(c.Color)}）";
        return new MailDraft(key, kind, to.Address, to.Name, subject, text, html);
    }
}
