using Referral.Core.Privacy;
using Referral.Core.Recurrence;

namespace Referral.Data;

/// <summary>
/// A keyed hash of a party's phone or ID number, or of an address — a dwelling or, kept apart by its
/// <see cref="Kind"/>, a coarse address that can only suggest a possible link — dated by the incident.
/// </summary>
public sealed class PartyFingerprint
{
    public long Id { get; private set; }
    public Guid CaseId { get; init; }
    public FingerprintKind Kind { get; init; }
    public required string Hash { get; init; }
    /// <summary>When the incident happened: recurrence is about incidents, whenever they were referred or imported.</summary>
    public DateTimeOffset OccurredAt { get; init; }

    public static PartyFingerprint Of(PartyPrint print, Guid caseId, DateTimeOffset occurredAt) =>
        new() { CaseId = caseId, Kind = print.Kind, Hash = print.Hash, OccurredAt = occurredAt };
}
