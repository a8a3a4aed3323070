using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Intake;
using Step = Referral.Core.Cases.Events;

namespace Referral.Service.Cases;

/// <summary>
/// The bus events a case's steps produce (written by <see cref="CaseEventsHook"/>), and the answer to a
/// station. They carry codes and states, never personal data or free text.
/// </summary>
public static class CaseMessages
{
    /// <summary>The bus event of a timeline step, from its typed event; null for steps nobody subscribes to.</summary>
    public static object? For(Case c, TimelineEntry e) => e.Event switch
    {
        Step.Routed or Step.SentToTriage => Routed(c, e),
        Step.Amended => Amended(c, e),
        Step.Assigned => Fill(c, e, new CaseAssigned()),
        Step.Accepted => Fill(c, e, new CaseAccepted()),
        Step.Rejected r => Fill(c, e, new CaseRejected { RejectedByDepartmentCode = NullIfEmpty(r.RejectedBy) }),
        Step.ProgressRecorded p => Fill(c, e, new ProgressRecorded { Kind = p.Kind.ToString() }),
        Step.CoHandlingRequested h => Fill(c, e, new CoHandlingRequested { RequestedDepartmentCode = h.Department }),
        Step.Transferred t => Fill(c, e, new CaseTransferred { FromDepartmentCode = NullIfEmpty(t.From) }),
        Step.ColorChanged k => Fill(c, e, new CaseColorChanged { FromColor = k.From.Code() }),
        Step.LinkConfirmed l when l.From != l.To => Fill(c, e, new CaseColorChanged { FromColor = l.From.Code() }),
        Step.PutOnHold => Fill(c, e, new CaseOnHold()),
        Step.Resumed => Fill(c, e, new CaseResumed()),
        Step.Closed x => Fill(c, e, new CaseClosed
        {
            Outcome = JsonName(x.Outcome.ToString()), OutcomeName = x.Outcome.ChineseName(), Resolved = x.Outcome.IsResolved(),
        }),
        Step.Reopened => Fill(c, e, new CaseReopened()),
        Step.FollowUpRecorded f => Fill(c, e, new FollowUpRecorded { Calm = f.Calm, Satisfaction = JsonName(f.Satisfaction.ToString()) }),
        Step.FlaggedTurnedCriminal => Fill(c, e, new CaseFlaggedCriminal()),
        Step.Escalated x => Fill(c, e, new CaseEscalated { Rule = x.Rule, FromColor = x.From.Code(), ToSupervisors = x.ToSupervisors }),
        Step.Warned w => Fill(c, e, new CaseDueSoon { Rule = w.Rule, DeadlineAt = w.Deadline }),
        _ => null,
    };

    public static ReferralAccepted Accepted(Case c, IntakeOutcome outcome, Guid? referralMessageId, DateTimeOffset at) => new()
    {
        CaseId = c.Id,
        IncidentNumber = c.IncidentNumber,
        StationCode = c.StationCode,
        Outcome = outcome.ToString().ToLowerInvariant(),
        Status = c.Status.ToString(),
        Color = c.Color.Code(),
        DepartmentCode = c.LeadDepartmentCode,
        ReferralMessageId = referralMessageId,
        At = at,
    };

    private static CaseRouted Routed(Case c, TimelineEntry e) => new()
    {
        CaseId = c.Id,
        IncidentNumber = c.IncidentNumber,
        StationCode = c.StationCode,
        DepartmentCode = c.LeadDepartmentCode,
        CoHandlerCodes = [.. c.CoHandlerCodes],
        Status = c.Status.ToString(),
        Color = c.Color.Code(),
        DisputeType = c.DisputeTypeCode,
        RuleId = c.RoutingRuleId,
        RuleVersion = c.RoutingRuleVersion,
        At = c.RoutedAt ?? c.ReferredAt,
    };

    private static ReferralAmended Amended(Case c, TimelineEntry e) => new()
    {
        CaseId = c.Id,
        IncidentNumber = c.IncidentNumber,
        StationCode = c.StationCode,
        DepartmentCode = c.LeadDepartmentCode,
        Status = c.Status.ToString(),
        Color = c.Color.Code(),
        At = e.At,
    };

    private static T Fill<T>(Case c, TimelineEntry e, T template) where T : CaseActionEvent => template with
    {
        CaseId = c.Id,
        IncidentNumber = c.IncidentNumber,
        StationCode = c.StationCode,
        DepartmentCode = c.LeadDepartmentCode,
        CoHandlerCodes = [.. c.CoHandlerCodes],
        Status = e.ToStatus.ToString(),
        FromStatus = e.FromStatus?.ToString(),
        Color = e.Color.Code(),
        Actor = e.ActorName,
        ActorRole = e.ActorRole,
        At = e.At,
    };

    private static string? NullIfEmpty(string? code) => string.IsNullOrEmpty(code) ? null : code;

    private static string JsonName(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
