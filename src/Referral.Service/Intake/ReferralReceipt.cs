using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Reference;

namespace Referral.Service.Intake;

public sealed record DepartmentRef(string Code, string Name);

public sealed record RoutingInfo(long? RuleId, int? RuleVersion, string Explanation);

public sealed record GradingInfo(IReadOnlyList<FactorInfo> Factors);

public sealed record FactorInfo(string Code, string Color, string Description);

/// <summary>What the intake answers on every door: the case, where it went and why, and its color and why.</summary>
public sealed record ReferralReceipt(
    Guid CaseId,
    string IncidentNumber,
    string StationCode,
    string Outcome,
    string Status,
    string Color,
    DepartmentRef? Department,
    IReadOnlyList<DepartmentRef> CoHandlers,
    RoutingInfo Routing,
    GradingInfo Grading,
    Guid? RecurrenceOf)
{
    public static ReferralReceipt Of(IntakeResult result, ReferenceDataCache reference)
    {
        var c = result.Case;
        DepartmentRef Ref(string code) => new(code, reference.DepartmentName(code));
        return new ReferralReceipt(
            c.Id, c.IncidentNumber, c.StationCode, result.Outcome.ToString().ToLowerInvariant(), c.Status.ToString(), c.Color.Code(),
            c.LeadDepartmentCode is null ? null : Ref(c.LeadDepartmentCode),
            c.CoHandlerCodes.Select(Ref).ToList(),
            new RoutingInfo(c.RoutingRuleId, c.RoutingRuleVersion, c.RoutingExplanation),
            new GradingInfo(c.GradingFactors.Select(f => new FactorInfo(f.Code, f.Color.Code(), f.Description)).ToList()),
            c.RecurrenceOfCaseId);
    }
}
