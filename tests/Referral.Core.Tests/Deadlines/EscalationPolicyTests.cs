using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Clocks;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Deadlines;

public sealed class EscalationPolicyTests
{
    /// <summary>Evaluates, checks that evaluating the stored result again at once finds nothing, and returns the result.</summary>
    private static EscalationResult Sweep(CaseClock clock, string at)
    {
        var result = Escalation.Evaluate(clock, At(at));
        var again = Escalation.Evaluate(result.Clock, At(at));
        Assert.That(again.Findings, Is.Empty, $"evaluating the stored result again at {at}");
        return result;
    }

    private static string[] Rules(EscalationResult result) =>
        result.Findings.Select(f => $"{f.Rule} {f.ColorBefore.Code()}→{f.ColorAfter.Code()}").ToArray();

    [Test]
    public void A_missed_accept_deadline_raises_the_color_once_and_gives_the_new_colors_window()
    {
        var clock = Routed(WarningColor.Green, "2026-09-21 09:00") with { Markers = new() { AcceptWarnedAt = At("2026-09-24 08:30") } };

        var before = Sweep(clock, "2026-09-24 10:25");
        var result = Sweep(clock, "2026-09-24 10:30");
        var finding = result.Findings.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Findings, Is.Empty);
            Assert.That(finding.Rule, Is.EqualTo(EscalationRules.AcceptOverdue));
            Assert.That(finding.Action, Is.EqualTo(EscalationAction.RaiseColor));
            Assert.That((finding.ColorBefore, finding.ColorAfter), Is.EqualTo((WarningColor.Green, WarningColor.Yellow)));
            Assert.That((Local(finding.At), Local(finding.DeadlineAt)), Is.EqualTo(("2026-09-24 10:30", "2026-09-24 10:30")));
            Assert.That(result.Clock.Color, Is.EqualTo(WarningColor.Yellow));
            Assert.That(Local(result.Clock.Markers.AcceptEscalatedAt), Is.EqualTo("2026-09-24 10:30"));
            Assert.That(Local(result.Deadlines.AcceptDueAt), Is.EqualTo("2026-09-28 16:30"));
            Assert.That(Local(result.NextCheckAt), Is.EqualTo("2026-09-28 14:30"), "the warning before the new deadline");
            Assert.That(Sweep(result.Clock, "2026-09-28 14:25").Findings, Is.Empty);
        }
    }

    [Test]
    public void A_missed_resolve_deadline_raises_the_color_once()
    {
        var clock = Working(WarningColor.Yellow, "2026-09-21 10:00", lastProgressAt: "2026-10-08 09:00")
            with { Markers = new() { ResolveWarnedAt = At("2026-09-30 17:00") } };

        var result = Sweep(clock, "2026-10-08 10:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules(result), Is.EqualTo(new[] { "resolve-overdue yellow→red" }));
            Assert.That(Local(result.Deadlines.ResolveDueAt), Is.EqualTo("2026-10-12 10:00"), "red's three working days from the escalation");
            Assert.That(Local(result.NextCheckAt), Is.EqualTo("2026-10-10 17:00"));
            Assert.That(Sweep(result.Clock, "2026-10-10 16:55").Findings, Is.Empty);
        }
    }

    [Test]
    public void Missing_daily_feedback_on_two_working_days_raises_the_color_and_again_after_two_more()
    {
        var silent = Working(WarningColor.Green, "2026-09-21 10:00");

        var first = Sweep(silent, "2026-09-23 17:30");
        var between = Sweep(first.Clock, "2026-09-25 10:00");
        var second = Sweep(between.Clock, "2026-09-28 17:30");
        var third = Sweep(second.Clock, "2026-09-30 17:30");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sweep(silent, "2026-09-23 17:25").Findings, Is.Empty);
            Assert.That(Rules(first), Is.EqualTo(new[] { "feedback-missed green→yellow" }));
            Assert.That(between.Findings, Is.Empty);
            Assert.That(Rules(second), Is.EqualTo(new[] { "feedback-missed yellow→red" }));
            Assert.That(Rules(third), Is.EqualTo(new[] { "feedback-missed red→red" }));
            Assert.That(third.Findings[0].DescriptionZh, Does.Contain("已是红色预警"));
        }
    }

    [Test]
    public void One_missed_day_of_feedback_alone_does_not_escalate()
    {
        var clock = Working(WarningColor.Green, "2026-09-21 10:00", lastProgressAt: "2026-09-22 11:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sweep(clock, "2026-09-23 17:30").Findings, Is.Empty);
            Assert.That(Rules(Sweep(clock, "2026-09-24 17:30")), Is.EqualTo(new[] { "feedback-missed green→yellow" }));
        }
    }

    [Test]
    public void A_red_case_past_its_deadlines_goes_to_the_supervisors_once_per_deadline()
    {
        var routed = Routed(WarningColor.Red, "2026-09-21 09:00");

        var acceptMissed = Sweep(routed, "2026-09-21 11:00");
        var later = Sweep(acceptMissed.Clock, "2026-09-21 11:25");
        var accepted = later.Clock with { Stage = CaseStage.Working, AcceptedAt = At("2026-09-21 11:30"), LastProgressAt = At("2026-09-23 16:00") };
        var warned = Sweep(accepted, "2026-09-24 09:30");
        var resolveMissed = Sweep(warned.Clock, "2026-09-24 11:30");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules(acceptMissed), Is.EqualTo(new[] { "accept-overdue red→red", "red-overdue-supervisor red→red" }));
            Assert.That(acceptMissed.Findings[1].Action, Is.EqualTo(EscalationAction.NotifySupervisors));
            Assert.That(later.Findings, Is.Empty);
            Assert.That(Rules(warned), Is.EqualTo(new[] { "resolve-due-soon red→red" }));
            Assert.That(Rules(resolveMissed), Is.EqualTo(new[] { "resolve-overdue red→red", "red-overdue-supervisor red→red" }));
            Assert.That(Local(resolveMissed.Clock.Markers.SupervisorEscalatedAt), Is.EqualTo("2026-09-24 11:30"));
            Assert.That(resolveMissed.Findings[1].DescriptionZh, Is.EqualTo("红色预警案件超过办结时限（2026-09-24 11:30），已上报领导督办。"));
        }
    }

    [Test]
    public void A_case_raised_to_red_gets_the_red_window_before_going_to_the_supervisors()
    {
        var yellow = Routed(WarningColor.Yellow, "2026-09-21 09:00") with { Markers = new() { AcceptWarnedAt = At("2026-09-22 11:30") } };

        var raised = Sweep(yellow, "2026-09-22 15:00");
        var missedAgain = Sweep(raised.Clock, "2026-09-22 17:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules(raised), Is.EqualTo(new[] { "accept-overdue yellow→red" }));
            Assert.That(Local(raised.Deadlines.AcceptDueAt), Is.EqualTo("2026-09-22 17:00"));
            Assert.That(Rules(missedAgain), Is.EqualTo(new[] { "accept-overdue red→red", "red-overdue-supervisor red→red" }));
        }
    }

    [Test]
    public void The_department_is_warned_once_two_working_hours_before_a_deadline()
    {
        var clock = Routed(WarningColor.Yellow, "2026-09-21 09:00");

        var early = Sweep(clock, "2026-09-22 11:25");
        var warned = Sweep(clock, "2026-09-22 11:30");
        var stillWarned = Sweep(warned.Clock, "2026-09-22 14:55");
        var missed = Sweep(stillWarned.Clock, "2026-09-22 15:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(early.Findings, Is.Empty);
            Assert.That(Rules(warned), Is.EqualTo(new[] { "accept-due-soon yellow→yellow" }));
            Assert.That(warned.Findings[0].Action, Is.EqualTo(EscalationAction.WarnDepartment));
            Assert.That(warned.Findings[0].DescriptionEn, Is.EqualTo("The accept deadline 2026-09-22 15:00 is near: please accept the case."));
            Assert.That(stillWarned.Findings, Is.Empty);
            Assert.That(Rules(missed), Is.EqualTo(new[] { "accept-overdue yellow→red" }));
        }
    }

    [Test]
    public void A_sweep_that_runs_only_after_the_deadline_escalates_without_a_late_warning() =>
        Assert.That(Rules(Sweep(Routed(WarningColor.Yellow, "2026-09-21 09:00"), "2026-09-22 15:10")), Is.EqualTo(new[] { "accept-overdue yellow→red" }));

    [Test]
    public void A_red_accept_window_no_longer_than_the_warning_lead_gets_no_warning()
    {
        var clock = Routed(WarningColor.Red, "2026-09-21 09:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sweep(clock, "2026-09-21 09:00").Findings, Is.Empty);
            Assert.That(Local(Escalation.NextCheckAt(clock)), Is.EqualTo("2026-09-21 11:00"));
        }
    }

    [Test]
    public void A_missed_resolve_deadline_and_missed_feedback_at_the_same_moment_raise_two_steps()
    {
        var clock = Working(WarningColor.Green, "2026-09-21 08:30", lastProgressAt: "2026-10-14 16:00")
            with { Markers = new() { ResolveWarnedAt = At("2026-10-16 15:30") } };

        var result = Sweep(clock, "2026-10-16 17:30");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Rules(result), Is.EqualTo(new[] { "resolve-overdue green→yellow", "feedback-missed yellow→red" }));
            Assert.That(Local(result.Deadlines.ResolveDueAt), Is.EqualTo("2026-10-21 17:30"), "red's window from the escalation, not yet past");
        }
    }

    [Test]
    public void A_color_lowered_by_the_coordinator_is_not_raised_again_at_once()
    {
        var missed = Sweep(Routed(WarningColor.Red, "2026-09-21 09:00"), "2026-09-21 11:00").Clock;

        var lowered = Policy.ChangeColor(missed, WarningColor.Yellow, At("2026-09-21 14:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Sweep(lowered, "2026-09-21 14:05").Findings, Is.Empty);
            Assert.That(Local(Policy.Compute(lowered).AcceptDueAt), Is.EqualTo("2026-09-22 15:00"));
        }
    }

    [TestCase(CaseStage.Unrouted)]
    [TestCase(CaseStage.OnHold)]
    [TestCase(CaseStage.Closed)]
    [TestCase(CaseStage.Done)]
    public void Nothing_escalates_before_routing_on_hold_or_after_closing(CaseStage stage)
    {
        var clock = Working(WarningColor.Yellow, "2026-09-01 10:00") with
        {
            Stage = stage,
            OnHoldSince = At("2026-09-02 10:00"),
            ClosedAt = At("2026-09-03 10:00"),
        };

        var result = Escalation.Evaluate(clock, At("2026-10-30 10:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.NextCheckAt, Is.Null);
        }
    }

    [Test]
    public void Each_finding_is_described_in_Chinese_and_English_with_the_local_deadline()
    {
        var finding = Sweep(Routed(WarningColor.Green, "2026-09-21 09:00") with { Markers = new() { AcceptWarnedAt = At("2026-09-24 08:30") } },
            "2026-09-24 10:35").Findings.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.DescriptionZh, Is.EqualTo("超过签收时限（2026-09-24 10:30）仍未签收，预警颜色由绿色升为黄色。"));
            Assert.That(finding.DescriptionEn, Is.EqualTo("Not accepted by the deadline (2026-09-24 10:30); warning color raised from green to yellow."));
        }
    }

    [Test]
    public void Rule_codes_are_stable() =>
        Assert.That(EscalationRules.All, Is.EqualTo(new[]
        {
            "accept-overdue", "resolve-overdue", "feedback-missed", "red-overdue-supervisor", "accept-due-soon", "resolve-due-soon",
        }));

    [Test]
    public void On_random_cases_colors_never_drop_the_sweep_is_idempotent_and_the_next_check_is_exact()
    {
        var random = new Random(42);
        var origin = At("2026-09-14 00:00");
        DateTimeOffset Somewhen(int days) => origin.AddMinutes(random.Next(0, days * 24 * 60));
        DateTimeOffset? Maybe(DateTimeOffset t) => random.Next(3) == 0 ? null : t.AddMinutes(random.Next(0, 3 * 24 * 60));

        for (var i = 0; i < 3_000; i++)
        {
            var routed = Somewhen(20);
            var accepted = routed.AddMinutes(random.Next(0, 3 * 24 * 60));
            var clock = new CaseClock
            {
                Color = (WarningColor)random.Next(3),
                Stage = (CaseStage)random.Next(6),
                RoutedAt = routed,
                AcceptedAt = accepted,
                LastProgressAt = Maybe(accepted),
                OnHoldSince = accepted.AddHours(1),
                ClosedAt = accepted.AddHours(2),
                Markers = new() { AcceptWarnedAt = Maybe(routed), ResolveWarnedAt = Maybe(accepted), FeedbackEscalatedAt = Maybe(accepted) },
            };
            var now = Somewhen(40);

            var result = Escalation.Evaluate(clock, now);
            var context = $"case {i}: {clock} at {Local(now)}";

            Assert.That(result.Clock.Color, Is.GreaterThanOrEqualTo(clock.Color), context);
            Assert.That(result.Findings.All(f => f.ColorAfter >= f.ColorBefore), context);
            Assert.That(Escalation.Evaluate(result.Clock, now).Findings, Is.Empty, context);
            if (result.NextCheckAt is not { } next) continue;
            Assert.That(next, Is.GreaterThan(now), context);
            var before = now + (next - now) * random.NextDouble();
            Assert.That(Escalation.Evaluate(result.Clock, before).Findings, Is.Empty, $"{context}, before the next check at {Local(before)}");
            Assert.That(Escalation.Evaluate(result.Clock, next).Findings, Is.Not.Empty, $"{context}, at the next check {Local(next)}");
        }
    }
}
