using Referral.Core.Privacy;

namespace Referral.Data;

/// <summary>A keyed hash of a party's phone, ID number or address, to find recurrences, dated by the incident.</summary>
public sealed class PartyFingerprint
{
    public long Id { get; private set; }
    public Guid CaseId { get; init; }
    public FingerprintKind Kind { get; init; }
    public required string Hash { get; init; }
    /// <summary>When the incident happened: recurrence is about incidents, whenever they were referred or imported.</summary>
    public DateTimeOffset OccurredAt { get; init; }
}
