using Referral.Core.Cases.Events;
using Referral.Core.Deadlines;
using Referral.Core.Grading;

namespace Referral.Core.Cases;

/// <summary>
/// The case's clock (日清周结): its deadlines on the working calendar, what the escalation sweep
/// has already done (markers), and when the sweep must look at it next. The rules are in
/// <see cref="DeadlinePolicy"/> and <see cref="EscalationPolicy"/>; the case stores their results.
/// </summary>
public sealed partial class Case
{
    public DateTimeOffset? ReopenedAt { get; private set; }
    public DateTimeOffset? ResumedAt { get; private set; }

    /// <summary>Set by a color change (decision 0005); stale values are ignored by the policy.</summary>
    public DateTimeOffset? AcceptClockStart { get; private set; }

    public DateTimeOffset? ResolveClockStart { get; private set; }

    public DateTimeOffset? AcceptWarnAt { get; private set; }
    public DateTimeOffset? ResolveWarnAt { get; private set; }
    public DateTimeOffset? FeedbackEscalateAt { get; private set; }
    public DateTimeOffset? HoldReviewAt { get; private set; }

    public DateTimeOffset? AcceptWarnedAt { get; private set; }
    public DateTimeOffset? AcceptEscalatedAt { get; private set; }
    public DateTimeOffset? ResolveWarnedAt { get; private set; }
    public DateTimeOffset? ResolveEscalatedAt { get; private set; }
    public DateTimeOffset? FeedbackEscalatedAt { get; private set; }

    /// <summary>When the escalation sweep must evaluate this case next; null when nothing can happen.</summary>
    public DateTimeOffset? NextEscalationCheckAt { get; private set; }

    /// <summary>Which rules (calendar and deadline options) the deadlines were computed with.</summary>
    public string? ScheduleVersion { get; private set; }

    public CaseStage Stage => Status switch
    {
        CaseStatus.Referred or CaseStatus.Triage => CaseStage.Unrouted,
        CaseStatus.Routed => CaseStage.Routed,
        CaseStatus.Accepted or CaseStatus.InProgress => CaseStage.Working,
        CaseStatus.OnHold => CaseStage.OnHold,
        CaseStatus.Closed => CaseStage.Closed,
        _ => CaseStage.Done,
    };

    public CaseClock Clock() => new()
    {
        Color = Color,
        Stage = Stage,
        RoutedAt = RoutedAt,
        AcceptedAt = AcceptedAt,
        ReopenedAt = ReopenedAt,
        LastProgressAt = LastProgressAt,
        OnHoldSince = OnHoldSince,
        ResumedAt = ResumedAt,
        HeldFor = HeldFor,
        ClosedAt = ClosedAt,
        AcceptClockStart = AcceptClockStart,
        ResolveClockStart = ResolveClockStart,
        Markers = new EscalationMarkers
        {
            AcceptWarnedAt = AcceptWarnedAt,
            AcceptEscalatedAt = AcceptEscalatedAt,
            ResolveWarnedAt = ResolveWarnedAt,
            ResolveEscalatedAt = ResolveEscalatedAt,
            FeedbackEscalatedAt = FeedbackEscalatedAt,
            SupervisorEscalatedAt = EscalatedToSupervisorAt,
        },
    };

    /// <summary>Recomputes the deadlines and the next check from the case as it is now, under the given rules.</summary>
    public void Schedule(EscalationPolicy escalation, string rulesVersion)
    {
        var clock = Clock();
        SetDeadlines(escalation.Deadlines.Compute(clock));
        NextEscalationCheckAt = escalation.NextCheckAt(clock);
        ScheduleVersion = rulesVersion;
    }

    /// <summary>
    /// Applies what the sweep found: the new color, markers, deadlines and next check, and one
    /// timeline entry per finding, naming its rule. Returns the entries appended.
    /// </summary>
    public IReadOnlyList<TimelineEntry> Escalate(EscalationResult result)
    {
        var before = _newEntries.Count;
        foreach (var finding in result.Findings)
        {
            Color = finding.ColorAfter;
            if (finding.Action == EscalationAction.RaiseColor && finding.ColorChanged) EscalationCount++;
            var description = $"{finding.DescriptionZh} {finding.DescriptionEn}";
            CaseEvent happened = finding.Action == EscalationAction.WarnDepartment
                ? new Warned(finding.Rule, finding.ColorBefore, finding.ColorAfter, finding.DeadlineAt, description)
                : new Escalated(finding.Rule, finding.ColorBefore, finding.ColorAfter, finding.DeadlineAt,
                    finding.Action == EscalationAction.NotifySupervisors, description);
            Record(Actor.Rule(finding.Rule), Status, finding.At, happened);
        }
        var clock = result.Clock;
        Color = clock.Color;
        AcceptClockStart = clock.AcceptClockStart;
        ResolveClockStart = clock.ResolveClockStart;
        AcceptWarnedAt = clock.Markers.AcceptWarnedAt;
        AcceptEscalatedAt = clock.Markers.AcceptEscalatedAt;
        ResolveWarnedAt = clock.Markers.ResolveWarnedAt;
        ResolveEscalatedAt = clock.Markers.ResolveEscalatedAt;
        FeedbackEscalatedAt = clock.Markers.FeedbackEscalatedAt;
        EscalatedToSupervisorAt = clock.Markers.SupervisorEscalatedAt;
        SetDeadlines(result.Deadlines);
        NextEscalationCheckAt = result.NextCheckAt;
        return _newEntries.Skip(before).ToList();
    }

    private void SetDeadlines(CaseDeadlines d)
    {
        AcceptDueAt = d.AcceptDueAt;
        AcceptWarnAt = d.AcceptWarnAt;
        ResolveDueAt = d.ResolveDueAt;
        ResolveWarnAt = d.ResolveWarnAt;
        FeedbackDueAt = d.FeedbackDueAt;
        FeedbackEscalateAt = d.FeedbackEscalateAt;
        FollowUpDueAt = d.FollowUpDueAt;
        HoldReviewAt = d.HoldReviewAt;
    }

    /// <summary>A color change by a person moves the running deadlines as decision 0005 says.</summary>
    private void MoveClockFor(WarningColor color, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        var moved = deadlines.ChangeColor(Clock(), color, now);
        AcceptClockStart = moved.AcceptClockStart;
        ResolveClockStart = moved.ResolveClockStart;
    }
}
