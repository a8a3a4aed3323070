namespace Referral.Core.Deadlines;

/// <summary>
/// Every deadline of a case at one moment, all UTC; null when it does not apply in the case's stage. The host stores
/// them (the daily digest lists what is due today, the weekly review what is overdue) and the escalation sweep
/// selects its candidates on them.
/// </summary>
public sealed record CaseDeadlines
{
    public static readonly CaseDeadlines None = new();

    /// <summary>The department must accept by then (routed cases).</summary>
    public DateTimeOffset? AcceptDueAt { get; init; }

    /// <summary>When the department is warned that the accept deadline is near; null when the window is no longer than the warning lead.</summary>
    public DateTimeOffset? AcceptWarnAt { get; init; }

    /// <summary>The case must be resolved (closed) by then (working cases; paused on hold).</summary>
    public DateTimeOffset? ResolveDueAt { get; init; }

    /// <summary>When the department is warned that the resolve deadline is near.</summary>
    public DateTimeOffset? ResolveWarnAt { get; init; }

    /// <summary>The next progress entry is due by then: the end of the first working day after the last feedback.</summary>
    public DateTimeOffset? FeedbackDueAt { get; init; }

    /// <summary>When missed daily feedback raises the color: the end of the second (configurable) working day without feedback.</summary>
    public DateTimeOffset? FeedbackEscalateAt { get; init; }

    /// <summary>The follow-up visit (回访) is due by then (closed cases).</summary>
    public DateTimeOffset? FollowUpDueAt { get; init; }

    /// <summary>From then the case has been on hold too long and goes on the weekly review (cases on hold).</summary>
    public DateTimeOffset? HoldReviewAt { get; init; }
}
