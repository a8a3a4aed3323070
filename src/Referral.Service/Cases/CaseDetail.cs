using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Service.Reference;
using Referral.Service.Intake;

namespace Referral.Service.Cases;

/// <summary>A case as the API shows it: personal data masked.</summary>
public sealed record CaseDetail(
    Guid Id,
    string IncidentNumber,
    string StationCode,
    DateTimeOffset OccurredAt,
    string Address,
    string? AreaCode,
    string DisputeType,
    string DisputeTypeName,
    string Summary,
    string PoliceAction,
    IReadOnlyList<MaskedParty> Parties,
    string Status,
    string Color,
    DepartmentRef? Department,
    IReadOnlyList<DepartmentRef> CoHandlers,
    RoutingInfo Routing,
    GradingInfo Grading,
    DateTimeOffset ReferredAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    string? AgreementSummary,
    Guid? RecurrenceOf,
    int Version)
{
    public static CaseDetail Of(Case c, ReferenceDataCache reference)
    {
        DepartmentRef Ref(string code) => new(code, reference.DepartmentName(code));
        var names = c.Parties.Select(p => p.Name).ToList();
        return new CaseDetail(
            c.Id, c.IncidentNumber, c.StationCode, c.OccurredAt, PersonalData.MaskAddress(c.Address), c.AreaCode,
            c.DisputeTypeCode, reference.DisputeTypeName(c.DisputeTypeCode),
            PersonalData.MaskText(c.Summary, names), PersonalData.MaskText(c.PoliceAction, names),
            c.Parties.Select(p => p.Masked()).ToList(),
            c.Status.ToString(), c.Color.Code(),
            c.LeadDepartmentCode is null ? null : Ref(c.LeadDepartmentCode),
            c.CoHandlerCodes.Select(Ref).ToList(),
            new RoutingInfo(c.RoutingRuleId, c.RoutingRuleVersion, c.RoutingExplanation),
            new GradingInfo(c.GradingFactors.Select(f => new FactorInfo(f.Code, f.Color.Code(), f.Description)).ToList()),
            c.ReferredAt, c.AcceptedAt, c.ClosedAt, c.Outcome?.ToString(),
            c.AgreementSummary is null ? null : PersonalData.MaskText(c.AgreementSummary, names),
            c.RecurrenceOfCaseId, c.Version);
    }
}
