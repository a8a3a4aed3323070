using Referral.Core.Cases;
using Referral.Core.Privacy;
using Referral.Core.Reference;

namespace Referral.Core.Recurrence;

/// <summary>One keyed fingerprint of a referral, with its value masked (kept in memory only, for the texts).</summary>
public sealed record PartyPrint(FingerprintKind Kind, string Hash, string Masked);

/// <summary>A stored fingerprint of an earlier case, with what the rule needs to know of that case.</summary>
public sealed record EarlierPrint(Guid CaseId, string IncidentNumber, string DisputeTypeCode, FingerprintKind Kind, string Hash, DateTimeOffset OccurredAt);

/// <summary>What the rule found for a new referral: at most one recurrence, and possible links for the coordinator.</summary>
public sealed record RecurrenceFindings(RecurrenceMatch? Recurrence, IReadOnlyList<PossibleLinkMatch> PossibleLinks);

/// <summary>
/// 闭环防复: when a new referral is the same dispute coming back (docs/decisions/0007). A recurrence
/// needs the same person — a party's phone or ID number — or the same dwelling, an address precise to
/// at least <paramref name="dwellingPrecision"/>, within <paramref name="window"/> before the incident.
/// An address that names only a street, community, village, estate or landmark is never a match by
/// itself: with the same dispute type it is a possible link, which only the coordinator turns into a
/// recurrence. Everything is compared as keyed fingerprints, never as personal data in clear.
/// </summary>
/// <param name="possibleLinkLimit">At most this many possible links per referral, the latest first (0: none).</param>
public sealed class RecurrenceRule(TimeSpan window, AddressPrecision dwellingPrecision, int possibleLinkLimit)
{
    public TimeSpan Window => window;

    /// <summary>The fingerprints of a referral's incident address and of its parties' phones, ID numbers and addresses.</summary>
    /// <param name="areaCode">The referral's area code, if it named one (party addresses are placed by the names they contain).</param>
    public IReadOnlyList<PartyPrint> PrintsOf(Fingerprints fingerprints, string address, string? areaCode, IEnumerable<Party> parties,
        IReadOnlyList<Area> areas)
    {
        var values = new List<(FingerprintKind Kind, string Value, string Masked)>();
        void AddAddress(string? text, string? area)
        {
            if (AddressKey.Of(text, area, areas) is not { } key) return;
            var kind = key.Precision >= dwellingPrecision ? FingerprintKind.Dwelling : FingerprintKind.CoarseAddress;
            values.Add((kind, key.Value, PersonalData.MaskAddress(text)));
        }

        AddAddress(address, areaCode);
        foreach (var p in parties)
        {
            if (p.Phone is { Length: > 0 } phone) values.Add((FingerprintKind.Phone, phone, PersonalData.MaskPhone(phone)));
            if (p.IdNumber is { Length: > 0 } id) values.Add((FingerprintKind.IdNumber, id, PersonalData.MaskIdNumber(id)));
            AddAddress(p.Address, null);
        }
        return values.DistinctBy(v => (v.Kind, v.Value))
            .Select(v => new PartyPrint(v.Kind, fingerprints.Of(v.Kind, v.Value), v.Masked)).ToList();
    }

    /// <summary>
    /// The recurrence — the latest earlier incident in the window sharing a phone, an ID number or a
    /// dwelling — and the possible links: earlier incidents in the window of the same dispute type that
    /// share only a coarse address, one per case, latest first, not the recurrence's case.
    /// </summary>
    /// <param name="self">The new case, whose own fingerprints may be among the candidates.</param>
    public RecurrenceFindings Find(Guid self, IReadOnlyList<PartyPrint> prints, DateTimeOffset occurredAt, string disputeTypeCode,
        IEnumerable<EarlierPrint> candidates)
    {
        var since = occurredAt - window;
        var mine = prints.DistinctBy(p => p.Hash).ToDictionary(p => p.Hash);
        var shared = candidates.Where(f => f.CaseId != self && f.OccurredAt >= since && f.OccurredAt <= occurredAt && mine.ContainsKey(f.Hash))
            .ToList();
        var strongest = shared.Where(f => f.Kind != FingerprintKind.CoarseAddress)
            .OrderByDescending(f => f.OccurredAt).ThenBy(f => f.Kind).FirstOrDefault();
        var recurrence = strongest is null
            ? null
            : new RecurrenceMatch(strongest.CaseId, strongest.IncidentNumber, strongest.Kind, mine[strongest.Hash].Masked);
        var links = shared
            .Where(f => f.Kind == FingerprintKind.CoarseAddress && f.DisputeTypeCode == disputeTypeCode && f.CaseId != recurrence?.EarlierCaseId)
            .GroupBy(f => f.CaseId).Select(g => g.MaxBy(f => f.OccurredAt)!)
            .OrderByDescending(f => f.OccurredAt).ThenBy(f => f.CaseId)
            .Take(possibleLinkLimit)
            .Select(f => new PossibleLinkMatch(f.CaseId, f.IncidentNumber, mine[f.Hash].Masked, f.OccurredAt))
            .ToList();
        return new RecurrenceFindings(recurrence, links);
    }
}
