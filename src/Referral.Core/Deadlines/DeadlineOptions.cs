using Referral.Core.Grading;

namespace Referral.Core.Deadlines;

/// <summary>How long a department has for one color (DESIGN.md section 4).</summary>
public sealed class ColorDeadlines
{
    /// <summary>Working time from routing to acceptance.</summary>
    public TimeSpan AcceptWithin { get; set; }

    /// <summary>Working days from acceptance to closing.</summary>
    public int ResolveWithinWorkingDays { get; set; }
}

/// <summary>Deadlines and escalation thresholds; all configurable, defaults from DESIGN.md section 4 (docs/deadlines.md).</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    public ColorDeadlines Red { get; set; } = new() { AcceptWithin = TimeSpan.FromHours(2), ResolveWithinWorkingDays = 3 };

    public ColorDeadlines Yellow { get; set; } = new() { AcceptWithin = TimeSpan.FromHours(12), ResolveWithinWorkingDays = 7 };

    public ColorDeadlines Green { get; set; } = new() { AcceptWithin = TimeSpan.FromHours(24), ResolveWithinWorkingDays = 15 };

    /// <summary>Working time before an accept or resolve deadline at which the department is warned; zero for no warnings.</summary>
    public TimeSpan WarningLead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Working days without a progress entry after which the color goes up one step.</summary>
    public int FeedbackMissesToEscalate { get; set; } = 2;

    /// <summary>Days from closing to the follow-up visit (回访).</summary>
    public int FollowUpAfterDays { get; set; } = 7;

    /// <summary>Whether <see cref="FollowUpAfterDays"/> counts working days; by default calendar days, the visit due at the end of that day or the next working day.</summary>
    public bool FollowUpInWorkingDays { get; set; }

    /// <summary>Working days on hold after which the case goes on the weekly review as on hold too long.</summary>
    public int OnHoldReviewAfterWorkingDays { get; set; } = 10;

    public ColorDeadlines For(WarningColor color) => color switch
    {
        WarningColor.Red => Red,
        WarningColor.Yellow => Yellow,
        _ => Green,
    };

    /// <summary>Every problem with these options, each naming its setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, color) in new[] { ("Red", Red), ("Yellow", Yellow), ("Green", Green) })
        {
            if (color.AcceptWithin <= TimeSpan.Zero) errors.Add($"{Section}:{name}:AcceptWithin must be positive.");
            if (color.ResolveWithinWorkingDays <= 0) errors.Add($"{Section}:{name}:ResolveWithinWorkingDays must be positive.");
        }
        // A raise takes the new color's window from the change and never gives more time, which needs the windows
        // to shrink with urgency.
        if (Red.AcceptWithin > Yellow.AcceptWithin || Yellow.AcceptWithin > Green.AcceptWithin)
            errors.Add($"{Section}: AcceptWithin must not grow with urgency (red ≤ yellow ≤ green).");
        if (Red.ResolveWithinWorkingDays > Yellow.ResolveWithinWorkingDays || Yellow.ResolveWithinWorkingDays > Green.ResolveWithinWorkingDays)
            errors.Add($"{Section}: ResolveWithinWorkingDays must not grow with urgency (red ≤ yellow ≤ green).");
        if (WarningLead < TimeSpan.Zero) errors.Add($"{Section}:WarningLead must not be negative.");
        if (FeedbackMissesToEscalate <= 0) errors.Add($"{Section}:FeedbackMissesToEscalate must be positive.");
        if (FollowUpAfterDays < 0) errors.Add($"{Section}:FollowUpAfterDays must not be negative.");
        if (OnHoldReviewAfterWorkingDays <= 0) errors.Add($"{Section}:OnHoldReviewAfterWorkingDays must be positive.");
        return errors;
    }
}
