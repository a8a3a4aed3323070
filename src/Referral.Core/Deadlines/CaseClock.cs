using Referral.Core.Grading;

namespace Referral.Core.Deadlines;

/// <summary>
/// The times of a case that its deadlines depend on: the input of <see cref="DeadlinePolicy"/> and the snapshot
/// the escalation sweep evaluates (<see cref="EscalationPolicy"/>). Everything here is stored on the case.
/// </summary>
public sealed record CaseClock
{
    public required WarningColor Color { get; init; }

    public required CaseStage Stage { get; init; }

    /// <summary>When the case was last sent to a department (again after a transfer or a rejection): the accept clock starts here.</summary>
    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>When the department accepted it: the resolve clock and the daily feedback start here.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>When the case was last reopened after the follow-up visit: the resolve clock starts again here.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>The last progress entry (日清 feedback).</summary>
    public DateTimeOffset? LastProgressAt { get; init; }

    /// <summary>Since when the case is on hold (only while <see cref="Stage"/> is <see cref="CaseStage.OnHold"/>).</summary>
    public DateTimeOffset? OnHoldSince { get; init; }

    /// <summary>When the case last came back from hold: daily feedback counts again from this day.</summary>
    public DateTimeOffset? ResumedAt { get; init; }

    /// <summary>
    /// Working time spent on hold since the resolve clock started (acceptance or the last reopening), not counting a
    /// hold still running: add <see cref="DeadlinePolicy.HoldDuration"/> on resuming, start again from zero on reopening.
    /// </summary>
    public TimeSpan HeldFor { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>
    /// Set by <see cref="DeadlinePolicy.ChangeColor"/> when the color changes while the accept clock runs: the accept
    /// clock counts from here instead of <see cref="RoutedAt"/>. Ignored when earlier than <see cref="RoutedAt"/>
    /// (left over from an earlier routing), so it never needs clearing.
    /// </summary>
    public DateTimeOffset? AcceptClockStart { get; init; }

    /// <summary>
    /// Set by <see cref="DeadlinePolicy.ChangeColor"/> when the color changes while the resolve clock runs: the resolve
    /// clock counts from here instead of acceptance. Ignored when earlier than the acceptance or reopening.
    /// </summary>
    public DateTimeOffset? ResolveClockStart { get; init; }

    public EscalationMarkers Markers { get; init; } = EscalationMarkers.None;
}
