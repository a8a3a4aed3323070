using Referral.Core.Cases;
using Referral.Core.Grading;

namespace Referral.Core.Intake;

/// <summary>A referral that passed validation, with codes resolved and values normalized.</summary>
public sealed record ValidReferral
{
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Address { get; init; }
    public string? AreaCode { get; init; }
    public required string DisputeTypeCode { get; init; }
    public required string Summary { get; init; }
    public required string PoliceAction { get; init; }
    public string? OfficerName { get; init; }
    public required IReadOnlyList<Party> Parties { get; init; }
    public required RiskAssessment Risk { get; init; }
}
