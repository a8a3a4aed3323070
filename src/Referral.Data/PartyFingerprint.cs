using Referral.Core.Privacy;

namespace Referral.Data;

/// <summary>A keyed hash of a party's phone, ID number or address, to find recurrences.</summary>
public sealed class PartyFingerprint
{
    public long Id { get; private set; }
    public Guid CaseId { get; init; }
    public FingerprintKind Kind { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset ReferredAt { get; init; }
}
