using Referral.Core.Grading;

namespace Referral.Core.Deadlines;

/// <summary>What an escalation finding asks the host to do.</summary>
public enum EscalationAction
{
    /// <summary>Raise the color one step (red stays red; <see cref="EscalationFinding.ColorAfter"/> is the color to store) and tell the department and the center.</summary>
    RaiseColor,
    /// <summary>Tell the supervisors (领导督办).</summary>
    NotifySupervisors,
    /// <summary>Warn the department that a deadline is near.</summary>
    WarnDepartment,
}

/// <summary>One thing the sweep found due at <see cref="At"/>, to record on the timeline (in both languages) and act upon.</summary>
public sealed record EscalationFinding(
    string Rule,
    EscalationAction Action,
    DateTimeOffset At,
    DateTimeOffset DeadlineAt,
    WarningColor ColorBefore,
    WarningColor ColorAfter,
    string DescriptionZh,
    string DescriptionEn)
{
    public bool ColorChanged => ColorAfter != ColorBefore;
}
