namespace Referral.Contracts;

/// <summary>
/// The answer to a referral received on the bus: it is now (or already was) a case. A station's
/// system correlates it with <see cref="ReferralMessageId"/>, the message id it sent. Every
/// referral message gets exactly one answer: this, or <see cref="ReferralRejected"/>.
/// </summary>
public sealed record ReferralAccepted
{
    public Guid CaseId { get; init; }
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }

    /// <summary><c>created</c>, <c>duplicate</c> (already received, unchanged) or <c>amended</c> (already received, changes recorded).</summary>
    public required string Outcome { get; init; }

    public required string Status { get; init; }
    public required string Color { get; init; }
    public string? DepartmentCode { get; init; }
    public Guid? ReferralMessageId { get; init; }
    public DateTimeOffset At { get; init; }
}
