using Referral.Core.Calendar;
using Referral.Core.Grading;

namespace Referral.Core.Deadlines;

/// <summary>
/// The deadlines of a case on the working calendar (docs/deadlines.md). Pure: the same clock gives the same
/// deadlines, so the host recomputes them whenever the case changes (and after a calendar reload).
/// <list type="bullet">
/// <item>Accept: the color's working time from routing.</item>
/// <item>Resolve: the color's working days from acceptance (or reopening), extended by the working time spent on hold;
/// none while on hold.</item>
/// <item>Daily feedback (日清): due by the end of the first working day after the day of the last feedback — acceptance,
/// a progress entry, resuming from hold, or the last feedback escalation; escalated at the end of the second such day.</item>
/// <item>Follow-up visit: the end of the day 7 calendar days after closing, or of the next working day.</item>
/// <item>Hold review: 10 working days after the case went on hold.</item>
/// </list>
/// A color change moves the running accept or resolve deadline (<see cref="ChangeColor"/>).
/// Immutable and thread-safe; the options are read once, at construction.
/// </summary>
public sealed class DeadlinePolicy
{
    private readonly WorkingCalendar _calendar;
    private readonly TimeSpan[] _acceptWithin;
    private readonly TimeSpan[] _resolveWithin;
    private readonly TimeSpan _warningLead;
    private readonly int _feedbackMisses;
    private readonly int _followUpAfterDays;
    private readonly bool _followUpInWorkingDays;
    private readonly int _holdReviewAfterDays;

    public DeadlinePolicy(WorkingCalendar calendar, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));

        _calendar = calendar;
        var colors = Enum.GetValues<WarningColor>();
        _acceptWithin = colors.Select(c => options.For(c).AcceptWithin).ToArray();
        _resolveWithin = colors.Select(c => calendar.WorkingDayLength * options.For(c).ResolveWithinWorkingDays).ToArray();
        _warningLead = options.WarningLead;
        _feedbackMisses = options.FeedbackMissesToEscalate;
        _followUpAfterDays = options.FollowUpAfterDays;
        _followUpInWorkingDays = options.FollowUpInWorkingDays;
        _holdReviewAfterDays = options.OnHoldReviewAfterWorkingDays;
    }

    public WorkingCalendar Calendar => _calendar;

    /// <summary>Working days without feedback that raise the color (<see cref="DeadlineOptions.FeedbackMissesToEscalate"/>).</summary>
    public int FeedbackMissesToEscalate => _feedbackMisses;

    /// <exception cref="ArgumentException">The clock lacks a time its stage needs (a routed case without <see cref="CaseClock.RoutedAt"/> ...).</exception>
    public CaseDeadlines Compute(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.Stage switch
        {
            CaseStage.Routed => ForRouted(clock),
            CaseStage.Working => ForWorking(clock),
            CaseStage.OnHold => new CaseDeadlines
            {
                HoldReviewAt = _calendar.AddWorkingDays(Require(clock.OnHoldSince, clock, nameof(CaseClock.OnHoldSince)), _holdReviewAfterDays),
            },
            CaseStage.Closed => new CaseDeadlines { FollowUpDueAt = FollowUpDue(Require(clock.ClosedAt, clock, nameof(CaseClock.ClosedAt))) },
            _ => CaseDeadlines.None,
        };
    }

    /// <summary>
    /// The clock with a new color, and the running accept or resolve deadline moved so that it is fair and never already
    /// past (docs/decisions/0005-deadlines-on-color-change.md):
    /// <list type="bullet">
    /// <item>Raised: the new color's full window from the change, but never later than the deadline the case already had.</item>
    /// <item>Lowered: the new color's window from the original start, but never earlier than the deadline it already had.</item>
    /// <item>Either way, a deadline that would already be past restarts: the new color's full window from the change.</item>
    /// </list>
    /// Used by the escalation sweep and by a coordinator's manual change alike. On hold, the window from the change counts
    /// from the resumption. Deadlines not running (the resolve clock of a routed case) take the new color when they start.
    /// </summary>
    public CaseClock ChangeColor(CaseClock clock, WarningColor color, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (color == clock.Color) return clock;
        var raised = color > clock.Color;
        var recolored = clock with { Color = color };
        switch (clock.Stage)
        {
            case CaseStage.Routed:
            {
                var (_, due) = AcceptClock(clock);
                return recolored with { AcceptClockStart = MovedStart(raised, due, AcceptNaturalStart(clock), at, _acceptWithin[(int)color], TimeSpan.Zero) };
            }
            case CaseStage.Working or CaseStage.OnHold:
            {
                var held = HeldAt(clock, at);
                var (_, due) = ResolveClock(clock, held);
                return recolored with { ResolveClockStart = MovedStart(raised, due, ResolveNaturalStart(clock), at, _resolveWithin[(int)color], held) };
            }
            default:
                return recolored;
        }
    }

    /// <summary>The working time between going on hold and resuming: what <see cref="CaseClock.HeldFor"/> grows by.</summary>
    public TimeSpan HoldDuration(DateTimeOffset onHoldSince, DateTimeOffset resumedAt) =>
        resumedAt <= onHoldSince ? TimeSpan.Zero : _calendar.WorkingTimeBetween(onHoldSince, resumedAt);

    /// <summary>For the weekly review (周结): on hold for <see cref="DeadlineOptions.OnHoldReviewAfterWorkingDays"/> working days or more.</summary>
    public bool IsOnHoldTooLong(CaseClock clock, DateTimeOffset now) =>
        clock.Stage == CaseStage.OnHold && Compute(clock).HoldReviewAt <= now;

    /// <summary>
    /// For the weekly review: working days begun since <paramref name="dueAt"/> passed (one as soon as any working time
    /// has passed after it); zero while not yet due.
    /// </summary>
    public int WorkingDaysOverdue(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var late = _calendar.WorkingTimeBetween(dueAt, now);
        return late <= TimeSpan.Zero ? 0 : (int)((late.Ticks + _calendar.WorkingDayLength.Ticks - 1) / _calendar.WorkingDayLength.Ticks);
    }

    private CaseDeadlines ForRouted(CaseClock clock)
    {
        var (start, due) = AcceptClock(clock);
        return new CaseDeadlines { AcceptDueAt = due, AcceptWarnAt = WarnAt(start, due) };
    }

    private CaseDeadlines ForWorking(CaseClock clock)
    {
        var (start, due) = ResolveClock(clock, clock.HeldFor);
        var anchor = FeedbackAnchor(clock);
        return new CaseDeadlines
        {
            ResolveDueAt = due,
            ResolveWarnAt = WarnAt(start, due),
            FeedbackDueAt = _calendar.EndOfWorkingDay(_calendar.NextWorkingDay(anchor)),
            FeedbackEscalateAt = _calendar.EndOfWorkingDay(_calendar.AddWorkingDays(anchor, _feedbackMisses)),
        };
    }

    private (DateTimeOffset Start, DateTimeOffset Due) AcceptClock(CaseClock clock)
    {
        var start = Effective(clock.AcceptClockStart, AcceptNaturalStart(clock));
        return (start, _calendar.AddWorkingTime(start, _acceptWithin[(int)clock.Color]));
    }

    private (DateTimeOffset Start, DateTimeOffset Due) ResolveClock(CaseClock clock, TimeSpan held)
    {
        var start = Effective(clock.ResolveClockStart, ResolveNaturalStart(clock));
        return (start, _calendar.AddWorkingTime(start, _resolveWithin[(int)clock.Color] + held));
    }

    private static DateTimeOffset AcceptNaturalStart(CaseClock clock) => Require(clock.RoutedAt, clock, nameof(CaseClock.RoutedAt));

    private static DateTimeOffset ResolveNaturalStart(CaseClock clock)
    {
        var accepted = Require(clock.AcceptedAt, clock, nameof(CaseClock.AcceptedAt));
        return clock.ReopenedAt is { } reopened && reopened > accepted ? reopened : accepted;
    }

    /// <summary>A clock start left over from before the natural start (an earlier routing or acceptance) no longer applies.</summary>
    private static DateTimeOffset Effective(DateTimeOffset? moved, DateTimeOffset natural) =>
        moved is { } start && start >= natural ? start : natural;

    /// <summary>
    /// The clock start that gives the deadline chosen for a color change: the start is stored rather than the deadline so
    /// that a later hold still extends it.
    /// </summary>
    private DateTimeOffset MovedStart(bool raised, DateTimeOffset due, DateTimeOffset naturalStart, DateTimeOffset at, TimeSpan window, TimeSpan held)
    {
        var fresh = _calendar.AddWorkingTime(at, window);
        var target = raised ? Min(due, fresh) : Max(due, _calendar.AddWorkingTime(naturalStart, window + held));
        if (target <= at) target = fresh;
        return _calendar.SubtractWorkingTime(target, window + held);
    }

    /// <summary>Warned <see cref="DeadlineOptions.WarningLead"/> before the deadline, unless the whole window is no longer than that.</summary>
    private DateTimeOffset? WarnAt(DateTimeOffset start, DateTimeOffset due) =>
        _warningLead > TimeSpan.Zero && _calendar.WorkingTimeBetween(start, due) > _warningLead
            ? _calendar.SubtractWorkingTime(due, _warningLead)
            : null;

    private DateOnly FeedbackAnchor(CaseClock clock)
    {
        var anchor = _calendar.DateOf(ResolveNaturalStart(clock));
        foreach (var at in new[] { clock.LastProgressAt, clock.ResumedAt })
        {
            if (at is { } t && _calendar.DateOf(t) > anchor) anchor = _calendar.DateOf(t);
        }
        if (clock.Markers.FeedbackEscalatedAt is { } escalated && _calendar.LastCompletedWorkingDay(escalated) > anchor)
            anchor = _calendar.LastCompletedWorkingDay(escalated);
        return anchor;
    }

    private DateTimeOffset FollowUpDue(DateTimeOffset closedAt)
    {
        var closed = _calendar.DateOf(closedAt);
        var day = _followUpInWorkingDays
            ? _calendar.AddWorkingDays(closed, _followUpAfterDays)
            : closed.AddDays(_followUpAfterDays);
        return _calendar.EndOfWorkingDay(_calendar.IsWorkingDay(day) ? day : _calendar.NextWorkingDay(day));
    }

    /// <summary>Working time on hold up to <paramref name="at"/>, counting a hold still running.</summary>
    private TimeSpan HeldAt(CaseClock clock, DateTimeOffset at) =>
        clock.Stage == CaseStage.OnHold && clock.OnHoldSince is { } since ? clock.HeldFor + HoldDuration(since, at) : clock.HeldFor;

    private static DateTimeOffset Require(DateTimeOffset? value, CaseClock clock, string name) =>
        value ?? throw new ArgumentException($"A case in stage {clock.Stage} needs {name}.", nameof(clock));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
