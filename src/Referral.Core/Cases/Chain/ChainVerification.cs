namespace Referral.Core.Cases.Chain;

/// <summary>The result of checking a case's trajectory against its chain and against the case itself.</summary>
public sealed record ChainVerification(bool Intact, int Entries, int? FirstBrokenSequence, string Reason)
{
    /// <param name="ordered">The case's entries by sequence, read in the same snapshot as <paramref name="case"/>.</param>
    public static ChainVerification Verify(IReadOnlyList<TimelineEntry> ordered, Case @case, ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(@case);
        var previous = "";
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.Sequence != i + 1)
                return new(false, ordered.Count, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != previous)
                return new(false, ordered.Count, e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1}");
            if (e.ComputeHash(key) != e.Hash)
                return new(false, ordered.Count, e.Sequence, $"entry {e.Sequence} was altered");
            previous = e.Hash;
        }
        if (ordered.Count != @case.TimelineCount || previous != @case.LastTimelineHash)
            return new(false, ordered.Count, ordered.Count + 1, "entries at the end are missing or were replaced");
        // Legacy rows vouch for no state; from the first sealed step on, the case must be what its last step left.
        if (ordered.Count > 0 && ordered[^1].State is { } state && state != CaseState.Of(@case).Serialize())
            return new(false, ordered.Count, ordered.Count, $"the case differs from the state its last entry ({ordered.Count}) recorded");
        return new(true, ordered.Count, null, "intact");
    }
}
