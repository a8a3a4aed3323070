namespace Referral.Contracts;

/// <summary>What every case event carries, so a subscriber can route it without a lookup.</summary>
public interface ICaseEvent
{
    Guid CaseId { get; }
    string IncidentNumber { get; }
    string StationCode { get; }
    string? DepartmentCode { get; }
    string Status { get; }
    string Color { get; }
    DateTimeOffset At { get; }
}

/// <summary>A referral became a case and went to a department, or to the center's triage queue.</summary>
public sealed record CaseRouted : ICaseEvent
{
    public Guid CaseId { get; init; }
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }
    public string? DepartmentCode { get; init; }
    public IReadOnlyList<string> CoHandlerCodes { get; init; } = [];
    public required string Status { get; init; }
    public required string Color { get; init; }
    public string? DisputeType { get; init; }
    public long? RuleId { get; init; }
    public int? RuleVersion { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A station re-sent an incident with changed content; it was recorded on the existing case.</summary>
public sealed record ReferralAmended : ICaseEvent
{
    public Guid CaseId { get; init; }
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }
    public string? DepartmentCode { get; init; }
    public required string Status { get; init; }
    public required string Color { get; init; }
    public DateTimeOffset At { get; init; }
}
