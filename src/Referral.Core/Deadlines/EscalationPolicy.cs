using Referral.Core.Calendar;
using Referral.Core.Grading;

namespace Referral.Core.Deadlines;

/// <summary>
/// What the periodic sweep must do about one case now (docs/deadlines.md). Pure and idempotent: the result carries the
/// new clock (color, markers, moved clock starts), its deadlines and its next check; once the host stores them,
/// evaluating again at the same moment finds nothing. Rules, in the order they are applied:
/// <list type="number">
/// <item><c>accept-overdue</c>: a routed case past its accept deadline goes up one color.</item>
/// <item><c>resolve-overdue</c>: a working case past its resolve deadline goes up one color.</item>
/// <item><c>feedback-missed</c>: a working case without a progress entry on two working days goes up one color
/// (and again after two more).</item>
/// <item><c>red-overdue-supervisor</c>: a red case past its accept or resolve deadline goes to the supervisors.</item>
/// <item><c>accept-due-soon</c>, <c>resolve-due-soon</c>: the department is warned before a deadline.</item>
/// </list>
/// Each fires once per deadline. Two findings raising the color in one evaluation raise it two steps; a raise gives the
/// new color's deadline (never already past, see <see cref="DeadlinePolicy.ChangeColor"/>), which later rules then see.
/// Red stays red (the finding is still recorded) and colors never drop here.
/// </summary>
public sealed class EscalationPolicy(DeadlinePolicy deadlines)
{
    public DeadlinePolicy Deadlines { get; } = deadlines ?? throw new ArgumentNullException(nameof(deadlines));

    /// <exception cref="ArgumentException">The clock lacks a time its stage needs.</exception>
    public EscalationResult Evaluate(CaseClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var run = new Run(Deadlines, clock, now);
        run.RaiseWhenOverdue();
        run.EscalateRedToSupervisors();
        run.WarnWhenDueSoon();
        return new EscalationResult(run.Clock, run.Deadlines, run.Findings, NextCheckAt(run.Clock, run.Deadlines));
    }

    /// <summary>
    /// The earliest moment at which <see cref="Evaluate"/> can find something for this clock; null when nothing can
    /// become due without the case changing. Before it, evaluation finds nothing, so the host stores it with the case
    /// and the sweep selects only <c>WHERE NextEscalationCheckAt &lt;= @now</c> (indexed). Recompute it whenever the case
    /// changes (the result of <see cref="Evaluate"/> carries it).
    /// <para>
    /// Without that column the same candidates are, over the stored deadlines and markers:
    /// routed: <c>AcceptDueAt &lt;= now AND (AcceptEscalatedAt IS NULL OR AcceptEscalatedAt &lt; AcceptDueAt)</c>, or red and
    /// <c>AcceptDueAt &lt;= now AND (SupervisorEscalatedAt IS NULL OR SupervisorEscalatedAt &lt; AcceptDueAt)</c>, or
    /// <c>AcceptWarnAt &lt;= now AND (AcceptWarnedAt IS NULL OR AcceptWarnedAt &lt; AcceptWarnAt)</c> and the accept deadline not
    /// yet escalated; working: the same with Resolve…, or <c>FeedbackEscalateAt &lt;= now</c>.
    /// </para>
    /// </summary>
    public DateTimeOffset? NextCheckAt(CaseClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return NextCheckAt(clock, Deadlines.Compute(clock));
    }

    private static DateTimeOffset? NextCheckAt(CaseClock clock, CaseDeadlines due)
    {
        var m = clock.Markers;
        var red = clock.Color == WarningColor.Red;
        IEnumerable<DateTimeOffset?> candidates = clock.Stage switch
        {
            CaseStage.Routed =>
            [
                Open(due.AcceptDueAt, m.AcceptEscalatedAt),
                red ? Open(due.AcceptDueAt, m.SupervisorEscalatedAt) : null,
                WarningOpen(due.AcceptWarnAt, due.AcceptDueAt, m.AcceptWarnedAt, m.AcceptEscalatedAt),
            ],
            CaseStage.Working =>
            [
                Open(due.ResolveDueAt, m.ResolveEscalatedAt),
                red ? Open(due.ResolveDueAt, m.SupervisorEscalatedAt) : null,
                WarningOpen(due.ResolveWarnAt, due.ResolveDueAt, m.ResolveWarnedAt, m.ResolveEscalatedAt),
                Open(due.FeedbackEscalateAt, m.FeedbackEscalatedAt),
            ],
            _ => [],
        };
        return candidates.Where(c => c.HasValue).Min();
    }

    /// <summary>The moment <paramref name="dueAt"/>, unless the action was already done for it.</summary>
    private static DateTimeOffset? Open(DateTimeOffset? dueAt, DateTimeOffset? doneAt) =>
        dueAt is { } due && !(doneAt >= due) ? due : null;

    /// <summary>A warning is moot once its deadline has been escalated.</summary>
    private static DateTimeOffset? WarningOpen(DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset? warnedAt, DateTimeOffset? escalatedAt) =>
        Open(dueAt, escalatedAt) is null ? null : Open(warnAt, warnedAt);

    /// <summary>One evaluation: the clock and deadlines as the rules change them, and what was found.</summary>
    private sealed class Run(DeadlinePolicy policy, CaseClock clock, DateTimeOffset now)
    {
        public CaseClock Clock { get; private set; } = clock;
        public CaseDeadlines Deadlines { get; private set; } = policy.Compute(clock);
        public List<EscalationFinding> Findings { get; } = [];

        public void RaiseWhenOverdue()
        {
            if (Clock.Stage == CaseStage.Routed && IsDue(Deadlines.AcceptDueAt, Clock.Markers.AcceptEscalatedAt))
            {
                Raise(EscalationRules.AcceptOverdue, Deadlines.AcceptDueAt!.Value, m => m with { AcceptEscalatedAt = now },
                    (when, change) => ($"超过签收时限（{when}）仍未签收，{change.Zh}。", $"Not accepted by the deadline ({when}); {change.En}."));
            }
            if (Clock.Stage != CaseStage.Working) return;
            if (IsDue(Deadlines.ResolveDueAt, Clock.Markers.ResolveEscalatedAt))
            {
                Raise(EscalationRules.ResolveOverdue, Deadlines.ResolveDueAt!.Value, m => m with { ResolveEscalatedAt = now },
                    (when, change) => ($"超过办结时限（{when}）仍未办结，{change.Zh}。", $"Not resolved by the deadline ({when}); {change.En}."));
            }
            if (IsDue(Deadlines.FeedbackEscalateAt, Clock.Markers.FeedbackEscalatedAt))
            {
                var days = policy.FeedbackMissesToEscalate;
                Raise(EscalationRules.FeedbackMissed, Deadlines.FeedbackEscalateAt!.Value, m => m with { FeedbackEscalatedAt = now },
                    (when, change) => ($"连续{days}个工作日未反馈办理进展（日清，截至{when}），{change.Zh}。",
                        $"No progress entry on {days} working days in a row (daily feedback, up to {when}); {change.En}."));
            }
        }

        public void EscalateRedToSupervisors()
        {
            if (Clock.Color != WarningColor.Red) return;
            var (dueAt, zh, en) = Clock.Stage switch
            {
                CaseStage.Routed => (Deadlines.AcceptDueAt, "签收", "accept"),
                CaseStage.Working => (Deadlines.ResolveDueAt, "办结", "resolve"),
                _ => (null, "", ""),
            };
            if (!IsDue(dueAt, Clock.Markers.SupervisorEscalatedAt)) return;
            var when = When(dueAt!.Value);
            Clock = Clock with { Markers = Clock.Markers with { SupervisorEscalatedAt = now } };
            Add(EscalationRules.RedOverdueSupervisor, EscalationAction.NotifySupervisors, dueAt.Value, Clock.Color,
                $"红色预警案件超过{zh}时限（{when}），已上报领导督办。", $"Red case past its {en} deadline ({when}): escalated to the supervisors.");
        }

        public void WarnWhenDueSoon()
        {
            var m = Clock.Markers;
            if (Clock.Stage == CaseStage.Routed && IsWarningDue(Deadlines.AcceptWarnAt, Deadlines.AcceptDueAt, m.AcceptWarnedAt, m.AcceptEscalatedAt))
            {
                var when = When(Deadlines.AcceptDueAt!.Value);
                Clock = Clock with { Markers = Clock.Markers with { AcceptWarnedAt = now } };
                Add(EscalationRules.AcceptDueSoon, EscalationAction.WarnDepartment, Deadlines.AcceptDueAt.Value, Clock.Color,
                    $"签收时限{when}即将到期，请尽快签收。", $"The accept deadline {when} is near: please accept the case.");
            }
            if (Clock.Stage == CaseStage.Working && IsWarningDue(Deadlines.ResolveWarnAt, Deadlines.ResolveDueAt, m.ResolveWarnedAt, m.ResolveEscalatedAt))
            {
                var when = When(Deadlines.ResolveDueAt!.Value);
                Clock = Clock with { Markers = Clock.Markers with { ResolveWarnedAt = now } };
                Add(EscalationRules.ResolveDueSoon, EscalationAction.WarnDepartment, Deadlines.ResolveDueAt.Value, Clock.Color,
                    $"办结时限{when}即将到期，请抓紧办理。", $"The resolve deadline {when} is near: please press on with the case.");
            }
        }

        private void Raise(string rule, DateTimeOffset dueAt, Func<EscalationMarkers, EscalationMarkers> mark,
            Func<string, (string Zh, string En), (string Zh, string En)> describe)
        {
            var before = Clock.Color;
            var after = before.Raise();
            Clock = policy.ChangeColor(Clock with { Markers = mark(Clock.Markers) }, after, now);
            Deadlines = policy.Compute(Clock);
            var change = before == after
                ? ("已是红色预警，颜色不变", "already red, the color stays")
                : ($"预警颜色由{before.ChineseName()}色升为{after.ChineseName()}色", $"warning color raised from {before.Code()} to {after.Code()}");
            var (zh, en) = describe(When(dueAt), change);
            Add(rule, EscalationAction.RaiseColor, dueAt, before, zh, en);
        }

        private void Add(string rule, EscalationAction action, DateTimeOffset dueAt, WarningColor before, string zh, string en) =>
            Findings.Add(new EscalationFinding(rule, action, now, dueAt, before, Clock.Color, zh, en));

        private bool IsDue(DateTimeOffset? dueAt, DateTimeOffset? doneAt) => Open(dueAt, doneAt) <= now;

        private bool IsWarningDue(DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset? warnedAt, DateTimeOffset? escalatedAt) =>
            WarningOpen(warnAt, dueAt, warnedAt, escalatedAt) <= now && dueAt > now;

        private string When(DateTimeOffset instant) => CalendarText.Minute(policy.Calendar.InZone(instant));
    }
}
