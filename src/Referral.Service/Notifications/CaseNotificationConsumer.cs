using MassTransit;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Mail;
using Referral.Service.Reference;

namespace Referral.Service.Notifications;

/// <summary>
/// Turns case events into emails (new cases: <see cref="RoutedCaseNotificationConsumer"/>): an assigned or transferred case to its department, a closed one to the referring
/// station, a reopened one to the department and the center, and so on. The mail rows and the
/// inbox row are saved together, so a redelivered event sends nothing twice.
/// </summary>
public sealed class CaseNotificationConsumer(ReferralDbContext db, ReferenceDataCache reference, Recipients recipients, CaseNotices notices,
    MailOutbox mail, TimeProvider time) :
    IConsumer<CaseAssigned>, IConsumer<CaseTransferred>, IConsumer<CoHandlingRequested>, IConsumer<CaseRejected>,
    IConsumer<CaseClosed>, IConsumer<CaseReopened>, IConsumer<CaseEscalated>, IConsumer<CaseDueSoon>
{
    public const string Name = "notifications";

    private sealed record Notice(string Kind, Recipient To, string Title, string Lead);

    public Task Consume(ConsumeContext<CaseAssigned> context) => NotifyAsync(context, context.Message.CaseId, c => RoutedTo(c, "矛调中心分派新案件"));

    public Task Consume(ConsumeContext<CaseTransferred> context) => NotifyAsync(context, context.Message.CaseId, c => RoutedTo(c, "转办案件待签收"));

    public Task Consume(ConsumeContext<CoHandlingRequested> context) => NotifyAsync(context, context.Message.CaseId, c =>
        [Dept(context.Message.RequestedDepartmentCode, "case-co-handling", "邀请协办", "主办单位邀请贵单位协助办理以下案件。")]);

    public Task Consume(ConsumeContext<CaseRejected> context) => NotifyAsync(context, context.Message.CaseId, c =>
        [Center("case-rejected", "案件被退回", $"{reference.DepartmentName(context.Message.RejectedByDepartmentCode)}退回了以下案件，请重新分派。")]);

    public Task Consume(ConsumeContext<CaseClosed> context) => NotifyAsync(context, context.Message.CaseId, c =>
    [
        recipients.Station(c.StationCode) is { } station
            ? new Notice("case-closed", station, "案件已办结", $"贵所流转的警情已办结，办理结果：{context.Message.OutcomeName}。")
            : null,
    ]);

    public Task Consume(ConsumeContext<CaseReopened> context) => NotifyAsync(context, context.Message.CaseId, c =>
    [
        Dept(c.LeadDepartmentCode, "case-reopened", "案件重新打开", "纠纷复发，以下案件已重新打开，预警等级上调一级，请尽快跟进。"),
        Center("case-reopened", "案件重新打开", "纠纷复发，以下案件已重新打开，预警等级上调一级。"),
    ]);

    public async Task Consume(ConsumeContext<CaseEscalated> context)
    {
        var m = context.Message;
        var supervisors = m.ToSupervisors ? await recipients.SupervisorsAsync() : [];
        var title = m.ToSupervisors ? "红色预警案件超期，报请督办" : "案件预警升级";
        var lead = m.ToSupervisors
            ? "以下红色预警案件已超过办理时限，请领导督促办理。"
            : m.FromColor == m.Color
                ? $"以下案件因{EscalationReason(m.Rule)}，已是{ColorName(m.Color)}预警（最高一级），请立即办理。"
                : $"以下案件因{EscalationReason(m.Rule)}，预警等级已由{ColorName(m.FromColor)}升为{ColorName(m.Color)}。";
        await NotifyAsync(context, m.CaseId, c =>
        [
            c.LeadDepartmentCode is null ? null : Dept(c.LeadDepartmentCode, "case-escalated", title, lead),
            Center("case-escalated", title, lead),
            .. supervisors.Select(s => new Notice("case-escalated", s, title, lead)),
        ]);
    }

    public Task Consume(ConsumeContext<CaseDueSoon> context) => NotifyAsync(context, context.Message.CaseId, c =>
    [
        Dept(c.LeadDepartmentCode, "case-due-soon", "案件即将超期",
            context.Message.Rule == "accept-due-soon" ? "以下案件距签收时限不足两个工作小时，请尽快签收。" : "以下案件距办结时限不足两个工作小时，请尽快办理或说明情况。"),
    ]);

    private static string EscalationReason(string rule) => rule switch
    {
        "accept-overdue" => "超过签收时限未签收",
        "resolve-overdue" => "超过办结时限未办结",
        "feedback-missed" => "连续两个工作日未反馈进展",
        _ => "超过时限",
    };

    private static string ColorName(string code) =>
        Referral.Core.Grading.WarningColorExtensions.TryParse(code, out var color) ? Referral.Core.Grading.WarningColorExtensions.ChineseName(color) + "色" : code;

    private IEnumerable<Notice?> RoutedTo(Case c, string title)
    {
        yield return Dept(c.LeadDepartmentCode, "case-routed", title, "请及时签收以下案件，并每个工作日反馈办理进展（日清）。");
        foreach (var code in c.CoHandlerCodes)
            yield return Dept(code, "case-co-handling", "协办案件", "贵单位为以下案件的协办单位，请配合主办单位办理。");
    }

    private Notice? Dept(string? code, string kind, string title, string lead) =>
        recipients.Department(code) is { } to ? new Notice(kind, to, title, lead) : null;

    private Notice? Center(string kind, string title, string lead) =>
        recipients.Center() is { } to ? new Notice(kind, to, title, lead) : null;

    private async Task NotifyAsync<T>(ConsumeContext<T> context, Guid caseId, Func<Case, IEnumerable<Notice?>> notices) where T : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Case events always carry a message id");
        if (await db.Inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == Name, context.CancellationToken)) return;
        await reference.EnsureFreshAsync(context.CancellationToken);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, context.CancellationToken)
                ?? throw new InvalidOperationException($"Case {caseId} of event {messageId} does not exist");
        foreach (var n in notices(c).OfType<Notice>().DistinctBy(n => n.To.Address))
            mail.Add(db, await CaseNoticesRender(n, c, messageId));
        db.Inbox.Add(new InboxMessage { MessageId = messageId, Consumer = Name, ProcessedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(context.CancellationToken);
        mail.Notify();
    }

    private Task<MailDraft> CaseNoticesRender(Notice n, Case c, Guid messageId) =>
        notices.RenderAsync($"{n.Kind}:{messageId:N}:{n.To.Key}", n.Kind, n.To, c, n.Title, n.Lead);
}
