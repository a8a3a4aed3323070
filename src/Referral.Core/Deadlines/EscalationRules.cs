namespace Referral.Core.Deadlines;

/// <summary>The stable codes of the escalation rules, as stored on timeline entries and shown in digests.</summary>
public static class EscalationRules
{
    /// <summary>(a) Missed accept deadline: the color goes up one step.</summary>
    public const string AcceptOverdue = "accept-overdue";

    /// <summary>(b) Missed resolve deadline: the color goes up one step.</summary>
    public const string ResolveOverdue = "resolve-overdue";

    /// <summary>(c) No progress entry on two working days in a row: the color goes up one step.</summary>
    public const string FeedbackMissed = "feedback-missed";

    /// <summary>(d) A red case past its accept or resolve deadline: escalated to the supervisors, once per deadline.</summary>
    public const string RedOverdueSupervisor = "red-overdue-supervisor";

    /// <summary>(e) The accept deadline is near: the department is warned, once per deadline.</summary>
    public const string AcceptDueSoon = "accept-due-soon";

    /// <summary>(e) The resolve deadline is near: the department is warned, once per deadline.</summary>
    public const string ResolveDueSoon = "resolve-due-soon";

    public static IReadOnlyList<string> All { get; } =
        [AcceptOverdue, ResolveOverdue, FeedbackMissed, RedOverdueSupervisor, AcceptDueSoon, ResolveDueSoon];
}
