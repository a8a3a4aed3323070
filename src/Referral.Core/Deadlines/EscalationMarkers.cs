namespace Referral.Core.Deadlines;

/// <summary>
/// What the escalation sweep already did, each the moment it was done. A marker at or after the moment an
/// action fell due means that action is done for that deadline; a deadline that later moves past its marker
/// (a new routing, a hold, a color change) is a new deadline and can be escalated or warned again.
/// </summary>
public sealed record EscalationMarkers
{
    public static readonly EscalationMarkers None = new();

    /// <summary>Warned the department that the accept deadline is near (<c>accept-due-soon</c>).</summary>
    public DateTimeOffset? AcceptWarnedAt { get; init; }

    /// <summary>Escalated a missed accept deadline (<c>accept-overdue</c>).</summary>
    public DateTimeOffset? AcceptEscalatedAt { get; init; }

    /// <summary>Warned the department that the resolve deadline is near (<c>resolve-due-soon</c>).</summary>
    public DateTimeOffset? ResolveWarnedAt { get; init; }

    /// <summary>Escalated a missed resolve deadline (<c>resolve-overdue</c>).</summary>
    public DateTimeOffset? ResolveEscalatedAt { get; init; }

    /// <summary>Escalated missed daily feedback (<c>feedback-missed</c>); the count of missed days starts again after it.</summary>
    public DateTimeOffset? FeedbackEscalatedAt { get; init; }

    /// <summary>Escalated a red case past its accept or resolve deadline to the supervisors (<c>red-overdue-supervisor</c>).</summary>
    public DateTimeOffset? SupervisorEscalatedAt { get; init; }
}
