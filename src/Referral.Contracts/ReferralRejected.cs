namespace Referral.Contracts;

/// <summary>
/// Tells the station that a referral it sent on the bus could not be accepted, and why.
/// Errors name fields (<c>parties[0].phone</c>); they never repeat the values sent.
/// </summary>
public sealed record ReferralRejected
{
    public string? IncidentNumber { get; init; }
    public string? StationCode { get; init; }
    public Guid? ReferralMessageId { get; init; }
    public required IReadOnlyDictionary<string, string[]> Errors { get; init; }
    public DateTimeOffset RejectedAt { get; init; }
}
