namespace Referral.Core.Deadlines;

/// <summary>
/// Where a case stands as far as its clocks are concerned. The case status maps onto it:
/// Referred and Triage → <see cref="Unrouted"/>; Routed (also after a transfer) → <see cref="Routed"/>;
/// Accepted, InProgress (also after a reopening) → <see cref="Working"/>; OnHold → <see cref="OnHold"/>;
/// Closed → <see cref="Closed"/>; FollowedUp → <see cref="Done"/>.
/// </summary>
public enum CaseStage
{
    /// <summary>No department has the case yet: no deadline runs.</summary>
    Unrouted,
    /// <summary>Sent to a department that has not accepted it: the accept clock runs.</summary>
    Routed,
    /// <summary>Accepted and open: the resolve clock and the daily feedback run.</summary>
    Working,
    /// <summary>Waiting for a party or a court date: the resolve clock is paused, no daily feedback is due.</summary>
    OnHold,
    /// <summary>Closed with an outcome: the follow-up visit is due.</summary>
    Closed,
    /// <summary>Closed and visited again: nothing is due.</summary>
    Done,
}
