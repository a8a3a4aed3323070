using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Intake;

namespace Referral.Service.Cases;

/// <summary>The bus events a case's changes produce. They carry codes and states, never personal data.</summary>
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
}
