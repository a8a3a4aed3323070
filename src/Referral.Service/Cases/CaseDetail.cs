using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Service.Intake;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

/// <summary>A case as the API shows it: personal data masked, with what the caller may do now.</summary>
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
    string? OfficerName,
    IReadOnlyList<MaskedParty> Parties,
    string Status,
    string StatusName,
    string Color,
    string ColorName,
    DepartmentRef? Department,
    IReadOnlyList<DepartmentRef> CoHandlers,
    RoutingInfo Routing,
    GradingInfo Grading,
    DateTimeOffset ReferredAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? LastProgressAt,
    DateTimeOffset? AcceptDueAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? FeedbackDueAt,
    DateTimeOffset? FollowUpDueAt,
    DateTimeOffset? OnHoldSince,
    string? OnHoldReason,
    bool Overdue,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    string? OutcomeName,
    string? AgreementSummary,
    bool? FollowUpCalm,
    string? FollowUpSatisfaction,
    int ReopenCount,
    bool TurnedCriminal,
    Guid? RecurrenceOf,
    IReadOnlyList<PossibleLinkView> PossibleLinks,
    int Version,
    IReadOnlyList<string> AllowedActions)
{
    public static CaseDetail Of(Case c, ReferenceDataCache reference, Actor viewer, DateTimeOffset now)
    {
        DepartmentRef Ref(string code) => new(code, reference.DepartmentName(code));
        var names = c.Parties.Select(p => p.Name).ToList();
        return new CaseDetail(
            c.Id, c.IncidentNumber, c.StationCode, c.OccurredAt, PersonalData.MaskAddress(c.Address), c.AreaCode,
            c.DisputeTypeCode, reference.DisputeTypeName(c.DisputeTypeCode),
            PersonalData.MaskText(c.Summary, names), PersonalData.MaskText(c.PoliceAction, names), c.OfficerName,
            c.Parties.Select(p => p.Masked()).ToList(),
            c.Status.ToString(), c.Status.ChineseName(), c.Color.Code(), c.Color.ChineseName(),
            c.LeadDepartmentCode is null ? null : Ref(c.LeadDepartmentCode),
            c.CoHandlerCodes.Select(Ref).ToList(),
            new RoutingInfo(c.RoutingRuleId, c.RoutingRuleVersion, c.RoutingExplanation),
            new GradingInfo(c.GradingFactors.Select(f => new FactorInfo(f.Code, f.Color.Code(), f.Description)).ToList()),
            c.ReferredAt, c.AcceptedAt, c.LastProgressAt, c.AcceptDueAt, c.ResolveDueAt, c.FeedbackDueAt, c.FollowUpDueAt,
            c.OnHoldSince, c.OnHoldReason is null ? null : PersonalData.MaskText(c.OnHoldReason, names), c.IsOverdue(now),
            c.ClosedAt, c.Outcome?.ToString(), c.Outcome?.ChineseName(),
            c.AgreementSummary is null ? null : PersonalData.MaskText(c.AgreementSummary, names),
            c.FollowUpCalm, c.FollowUpSatisfaction?.ToString(), c.ReopenCount, c.TurnedCriminal,
            c.RecurrenceOfCaseId, c.PossibleLinks.Select(l => PossibleLinkView.Of(l, names)).ToList(), c.Version, c.AllowedActionsFor(viewer).Select(a => a.Slug()).ToList());
    }
}

/// <summary>
/// 可能关联: an earlier case of the same dispute type at the same coarse address, open until the
/// coordinator confirms it (a recurrence) or dismisses it (with a reason). The address is masked.
/// </summary>
public sealed record PossibleLinkView(
    Guid EarlierCase,
    string EarlierIncidentNumber,
    string Address,
    DateTimeOffset EarlierOccurredAt,
    DateTimeOffset FoundAt,
    string State,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason)
{
    public static PossibleLinkView Of(PossibleLink l, IEnumerable<string> partyNames) => new(
        l.EarlierCaseId, l.EarlierIncidentNumber, l.Address, l.EarlierOccurredAt, l.FoundAt, JsonName(l.State), l.DecidedAt, l.DecidedBy,
        l.Reason is null ? null : PersonalData.MaskText(l.Reason, partyNames));

    private static string JsonName(PossibleLinkState state) => state switch
    {
        PossibleLinkState.Confirmed => "confirmed",
        PossibleLinkState.Dismissed => "dismissed",
        _ => "open",
    };
}
