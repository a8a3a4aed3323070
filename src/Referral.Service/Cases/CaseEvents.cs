using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Intake;

namespace Referral.Service.Cases;

/// <summary>The bus events a case's changes produce. They carry codes and states, never personal data or free text.</summary>
public static class CaseEvents
{
    public static CaseRouted Routed(Case c) => new()
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

    public static ReferralAmended Amended(Case c) => new()
    {
        CaseId = c.Id,
        IncidentNumber = c.IncidentNumber,
        StationCode = c.StationCode,
        DepartmentCode = c.LeadDepartmentCode,
        Status = c.Status.ToString(),
        Color = c.Color.Code(),
        At = c.NewEntries.LastOrDefault()?.At ?? c.ReferredAt,
    };

    /// <summary>The event of a person's (or an automatic rule's) action, from the timeline entry it appended.</summary>
    public static CaseActionEvent? For(Case c, TimelineEntry e)
    {
        var d = e.DetailValues();
        string? Detail(string key) => d.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        CaseActionEvent? evt = e.Action switch
        {
            CaseAction.Assign => Fill(new CaseAssigned ()),
            CaseAction.Accept => Fill(new CaseAccepted ()),
            CaseAction.Reject => Fill(new CaseRejected
            {
                RejectedByDepartmentCode = Detail("rejectedBy"),
            }),
            CaseAction.RecordProgress => Fill(new ProgressRecorded
            {
                Kind = Detail("kind") ?? "",
            }),
            CaseAction.RequestCoHandling => Fill(new CoHandlingRequested
            {
                RequestedDepartmentCode = Detail("department") ?? "",
            }),
            CaseAction.Transfer => Fill(new CaseTransferred
            {
                FromDepartmentCode = Detail("from"),
            }),
            CaseAction.ChangeColor => Fill(new CaseColorChanged
            {
                FromColor = Detail("from") ?? "",
            }),
            CaseAction.ConfirmLink when Detail("from") != Detail("to") => Fill(new CaseColorChanged
            {
                FromColor = Detail("from") ?? "",
            }),
            CaseAction.Hold => Fill(new CaseOnHold ()),
            CaseAction.Resume => Fill(new CaseResumed ()),
            CaseAction.Close => Fill(new CaseClosed
            {
                Outcome = JsonName(c.Outcome?.ToString() ?? ""), OutcomeName = c.Outcome?.ChineseName() ?? "", Resolved = c.Outcome?.IsResolved() ?? false,
            }),
            CaseAction.Reopen => Fill(new CaseReopened ()),
            CaseAction.RecordFollowUp => Fill(new FollowUpRecorded
            {
                Calm = Detail("calm") == "true", Satisfaction = JsonName(Detail("satisfaction") ?? ""),
            }),
            CaseAction.FlagTurnedCriminal => Fill(new CaseFlaggedCriminal ()),
            CaseAction.Escalate => Fill(new CaseEscalated
            {
                Rule = Detail("rule") ?? "", FromColor = Detail("from") ?? e.Color.Code(), ToSupervisors = Detail("supervisors") == "true",
            }),
            CaseAction.Warn => Fill(new CaseDueSoon
            {
                Rule = Detail("rule") ?? "",
                DeadlineAt = DateTimeOffset.TryParse(Detail("deadline"), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var due) ? due : e.At,
            }),
            _ => null,
        };
        return evt;

        T Fill<T>(T template) where T : CaseActionEvent => template with
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
    }

    private static string JsonName(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
