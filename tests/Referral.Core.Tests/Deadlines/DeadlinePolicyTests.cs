using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Clocks;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Deadlines;

public sealed class DeadlinePolicyTests
{
    private static CaseDeadlines Compute(CaseClock clock) => Policy.Compute(clock);

    [TestCase(WarningColor.Red, "2026-09-21 11:00", null)]
    [TestCase(WarningColor.Yellow, "2026-09-22 15:00", "2026-09-22 11:30")]
    [TestCase(WarningColor.Green, "2026-09-24 10:30", "2026-09-24 08:30")]
    public void Accept_deadline_is_the_colors_working_time_from_routing_and_warned_two_working_hours_before(
        WarningColor color, string due, string? warn)
    {
        var deadlines = Compute(Routed(color, "2026-09-21 09:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(deadlines.AcceptDueAt), Is.EqualTo(due));
            Assert.That(Local(deadlines.AcceptWarnAt), Is.EqualTo(warn), "a red window of 2 h is no longer than the 2 h lead: no warning");
            Assert.That(deadlines.ResolveDueAt, Is.Null);
            Assert.That(deadlines.FeedbackDueAt, Is.Null);
        }
    }

    [Test]
    public void Accept_deadline_skips_the_National_Day_holiday_and_counts_the_swapped_Saturday() =>
        Assert.That(Local(Compute(Routed(WarningColor.Green, "2026-09-30 10:00")).AcceptDueAt), Is.EqualTo("2026-10-10 11:30"));

    [Test]
    public void A_case_routed_during_the_holiday_counts_from_the_first_working_morning() =>
        Assert.That(Local(Compute(Routed(WarningColor.Red, "2026-10-01 09:00")).AcceptDueAt), Is.EqualTo("2026-10-08 10:30"));

    [TestCase(WarningColor.Red, "2026-09-24 10:00", "2026-09-23 17:00")]
    [TestCase(WarningColor.Yellow, "2026-10-08 10:00", "2026-09-30 17:00")]
    [TestCase(WarningColor.Green, "2026-10-19 10:00", "2026-10-16 17:00")]
    public void Resolve_deadline_is_the_colors_working_days_from_acceptance(WarningColor color, string due, string warn)
    {
        var deadlines = Compute(Working(color, "2026-09-21 10:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(deadlines.ResolveDueAt), Is.EqualTo(due));
            Assert.That(Local(deadlines.ResolveWarnAt), Is.EqualTo(warn));
            Assert.That(deadlines.AcceptDueAt, Is.Null);
        }
    }

    [Test]
    public void A_reopened_case_counts_its_resolve_deadline_from_the_reopening()
    {
        var clock = Working(WarningColor.Red, "2026-08-03 10:00") with { ReopenedAt = At("2026-09-21 10:00") };

        Assert.That(Local(Compute(clock).ResolveDueAt), Is.EqualTo("2026-09-24 10:00"));
    }

    [TestCase(null, "2026-09-22 17:30", "2026-09-23 17:30", TestName = "Feedback is due by the end of the working day after acceptance")]
    [TestCase("2026-09-22 18:00", "2026-09-23 17:30", "2026-09-24 17:30", TestName = "Progress in the evening counts for that day")]
    [TestCase("2026-09-24 11:00", "2026-09-28 17:30", "2026-09-29 17:30", TestName = "Feedback after Thursday is next due on Monday after the Mid-Autumn holiday")]
    [TestCase("2026-09-26 11:00", "2026-09-28 17:30", "2026-09-29 17:30", TestName = "Progress on a holiday makes the next working day due")]
    [TestCase("2026-09-30 16:00", "2026-10-08 17:30", "2026-10-09 17:30", TestName = "Feedback is not due during the National Day week")]
    [TestCase("2026-10-09 16:00", "2026-10-10 17:30", "2026-10-12 17:30", TestName = "Feedback is due on the swapped Saturday")]
    public void Daily_feedback_is_due_by_the_end_of_the_next_working_day_and_escalated_after_the_second(
        string? lastProgress, string due, string escalate)
    {
        var deadlines = Compute(Working(WarningColor.Green, "2026-09-21 10:00", lastProgress));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(deadlines.FeedbackDueAt), Is.EqualTo(due));
            Assert.That(Local(deadlines.FeedbackEscalateAt), Is.EqualTo(escalate));
        }
    }

    [TestCase("2026-09-23 17:30")]
    [TestCase("2026-09-23 17:35")]
    [TestCase("2026-09-24 09:10")]
    public void After_a_feedback_escalation_the_missed_days_count_again_from_the_last_day_that_ended(string escalatedAt)
    {
        var clock = Working(WarningColor.Green, "2026-09-21 10:00") with { Markers = new() { FeedbackEscalatedAt = At(escalatedAt) } };

        var deadlines = Compute(clock);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(deadlines.FeedbackDueAt), Is.EqualTo("2026-09-24 17:30"));
            Assert.That(Local(deadlines.FeedbackEscalateAt), Is.EqualTo("2026-09-28 17:30"));
        }
    }

    [Test]
    public void On_hold_there_is_no_resolve_or_feedback_deadline_only_the_hold_review()
    {
        var clock = Working(WarningColor.Red, "2026-09-18 09:30").Hold("2026-09-21 09:00");

        var deadlines = Compute(clock);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deadlines with { HoldReviewAt = null }, Is.EqualTo(CaseDeadlines.None));
            Assert.That(Local(deadlines.HoldReviewAt), Is.EqualTo("2026-10-12 09:00"));
            Assert.That(Policy.IsOnHoldTooLong(clock, At("2026-10-12 08:59")), Is.False);
            Assert.That(Policy.IsOnHoldTooLong(clock, At("2026-10-12 09:00")), Is.True);
            Assert.That(Policy.IsOnHoldTooLong(clock.Resume("2026-10-12 10:00"), At("2026-10-13 09:00")), Is.False);
        }
    }

    [Test]
    public void Hold_duration_counts_working_time_only() =>
        Assert.That(Policy.HoldDuration(At("2026-09-21 09:00"), At("2026-09-29 10:00")), Is.EqualTo(TimeSpan.FromHours(38.5)));

    [Test]
    public void Hold_pauses_the_resolve_clock()
    {
        var accepted = Working(WarningColor.Red, "2026-09-18 09:30");
        var onHold = accepted.Hold("2026-09-19 10:00");
        var resumed = onHold.Resume("2026-09-23 14:00");

        var before = Compute(accepted).ResolveDueAt!.Value;
        var after = Compute(resumed).ResolveDueAt!.Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(before), Is.EqualTo("2026-09-22 09:30"));
            Assert.That(resumed.HeldFor, Is.EqualTo(TimeSpan.FromHours(26.5)));
            Assert.That(Local(after), Is.EqualTo("2026-09-28 15:00"));
            Assert.That(Policy.Calendar.WorkingTimeBetween(At("2026-09-23 14:00"), after),
                Is.EqualTo(Policy.Calendar.WorkingTimeBetween(At("2026-09-19 10:00"), before)), "the time left when the hold began");
            Assert.That(Local(Compute(resumed).FeedbackDueAt), Is.EqualTo("2026-09-24 17:30"), "feedback counts again from the resumption");
        }
    }

    [Test]
    public void Raising_the_color_gives_the_new_window_from_the_change()
    {
        var green = Routed(WarningColor.Green, "2026-09-21 09:00");

        var red = Policy.ChangeColor(green, WarningColor.Red, At("2026-09-21 10:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(red.Color, Is.EqualTo(WarningColor.Red));
            Assert.That(Local(Compute(red).AcceptDueAt), Is.EqualTo("2026-09-21 12:00"));
        }
    }

    [Test]
    public void Raising_the_color_never_gives_more_time_than_the_case_had()
    {
        var green = Routed(WarningColor.Green, "2026-09-21 09:00");

        var yellow = Policy.ChangeColor(green, WarningColor.Yellow, At("2026-09-23 16:00"));

        Assert.That(Local(Compute(yellow).AcceptDueAt), Is.EqualTo("2026-09-24 10:30"), "12 h from the change would be Monday 11:30");
    }

    [Test]
    public void Raising_the_color_after_a_missed_deadline_gives_the_new_colors_full_window_from_the_change()
    {
        var green = Routed(WarningColor.Green, "2026-09-21 09:00");

        var yellow = Policy.ChangeColor(green, WarningColor.Yellow, At("2026-09-24 11:00"));

        Assert.That(Local(Compute(yellow).AcceptDueAt), Is.EqualTo("2026-09-28 17:00"));
    }

    [Test]
    public void Lowering_the_color_counts_the_new_window_from_the_original_start()
    {
        var red = Routed(WarningColor.Red, "2026-09-21 09:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(Compute(Policy.ChangeColor(red, WarningColor.Green, At("2026-09-21 10:00"))).AcceptDueAt), Is.EqualTo("2026-09-24 10:30"));
            Assert.That(Local(Compute(Policy.ChangeColor(red, WarningColor.Yellow, At("2026-09-21 14:00"))).AcceptDueAt), Is.EqualTo("2026-09-22 15:00"));
        }
    }

    [Test]
    public void Lowering_the_color_after_the_new_window_ran_out_gives_the_full_window_from_the_change()
    {
        var red = Routed(WarningColor.Red, "2026-09-21 09:00");

        var yellow = Policy.ChangeColor(red, WarningColor.Yellow, At("2026-09-23 10:00"));

        Assert.That(Local(Compute(yellow).AcceptDueAt), Is.EqualTo("2026-09-24 16:00"));
    }

    [Test]
    public void Raising_the_color_on_hold_counts_the_new_window_from_the_resumption()
    {
        var onHold = Working(WarningColor.Green, "2026-09-21 10:00").Hold("2026-09-22 10:00");

        var red = Policy.ChangeColor(onHold, WarningColor.Red, At("2026-09-23 10:00"));
        var resumed = red.Resume("2026-09-28 10:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Compute(red).ResolveDueAt, Is.Null);
            Assert.That(resumed.HeldFor, Is.EqualTo(TimeSpan.FromHours(22.5)));
            Assert.That(Local(Compute(resumed).ResolveDueAt), Is.EqualTo("2026-10-08 10:00"));
        }
    }

    [Test]
    public void A_later_hold_still_extends_a_deadline_moved_by_a_color_change()
    {
        var yellow = Working(WarningColor.Yellow, "2026-09-21 10:00");
        var red = Policy.ChangeColor(yellow, WarningColor.Red, At("2026-09-22 10:00"));

        var resumed = red.Hold("2026-09-23 10:00").Resume("2026-09-23 15:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(Compute(red).ResolveDueAt), Is.EqualTo("2026-09-28 10:00"));
            Assert.That(Local(Compute(resumed).ResolveDueAt), Is.EqualTo("2026-09-28 15:00"), "3.5 working hours on hold");
        }
    }

    [Test]
    public void A_color_change_before_acceptance_gives_the_resolve_clock_the_new_color_from_acceptance()
    {
        var red = Policy.ChangeColor(Routed(WarningColor.Green, "2026-09-21 09:00"), WarningColor.Red, At("2026-09-21 10:00"));

        var accepted = red with { Stage = CaseStage.Working, AcceptedAt = At("2026-09-21 10:30") };

        Assert.That(Local(Compute(accepted).ResolveDueAt), Is.EqualTo("2026-09-24 10:30"));
    }

    [Test]
    public void A_moved_accept_clock_no_longer_applies_after_the_case_is_routed_again()
    {
        var red = Policy.ChangeColor(Routed(WarningColor.Green, "2026-09-21 09:00"), WarningColor.Red, At("2026-09-21 10:00"));

        var rerouted = red with { RoutedAt = At("2026-09-22 09:00") };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(red.AcceptClockStart, Is.Not.Null);
            Assert.That(Local(Compute(rerouted).AcceptDueAt), Is.EqualTo("2026-09-22 11:00"));
        }
    }

    [Test]
    public void Changing_to_the_same_color_changes_nothing()
    {
        var clock = Routed(WarningColor.Yellow, "2026-09-21 09:00");

        Assert.That(Policy.ChangeColor(clock, WarningColor.Yellow, At("2026-09-22 09:00")), Is.SameAs(clock));
    }

    [TestCase("2026-09-22 16:00", "2026-09-29 17:30", TestName = "The follow-up visit is due 7 calendar days after closing")]
    [TestCase("2026-09-30 15:00", "2026-10-08 17:30", TestName = "A follow-up visit falling on a holiday is due on the next working day")]
    public void Follow_up_visit_is_due_at_the_end_of_the_day_a_week_after_closing(string closedAt, string due)
    {
        var closed = Working(WarningColor.Green, "2026-09-21 10:00") with { Stage = CaseStage.Closed, ClosedAt = At(closedAt) };

        var deadlines = Compute(closed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(deadlines.FollowUpDueAt), Is.EqualTo(due));
            Assert.That(deadlines with { FollowUpDueAt = null }, Is.EqualTo(CaseDeadlines.None));
        }
    }

    [Test]
    public void Follow_up_visit_can_count_working_days()
    {
        var policy = new DeadlinePolicy(TestCalendars.Autumn2026, new DeadlineOptions { FollowUpInWorkingDays = true });
        var closed = Working(WarningColor.Green, "2026-09-21 10:00") with { Stage = CaseStage.Closed, ClosedAt = At("2026-09-30 15:00") };

        Assert.That(Local(policy.Compute(closed).FollowUpDueAt), Is.EqualTo("2026-10-15 17:30"));
    }

    [TestCase(CaseStage.Unrouted)]
    [TestCase(CaseStage.Done)]
    public void Nothing_is_due_before_routing_or_after_the_follow_up_visit(CaseStage stage) =>
        Assert.That(Compute(Working(WarningColor.Red, "2026-09-21 10:00") with { Stage = stage }), Is.EqualTo(CaseDeadlines.None));

    [Test]
    public void A_clock_without_the_time_its_stage_needs_is_refused()
    {
        var clock = new CaseClock { Color = WarningColor.Green, Stage = CaseStage.Working, RoutedAt = At("2026-09-21 09:00") };

        Assert.That(() => Compute(clock), Throws.ArgumentException.With.Message.StartsWith("A case in stage Working needs AcceptedAt."));
    }

    [Test]
    public void Deadlines_follow_the_configured_options()
    {
        var options = new DeadlineOptions { WarningLead = TimeSpan.Zero, Red = new() { AcceptWithin = TimeSpan.FromHours(1), ResolveWithinWorkingDays = 1 } };
        var policy = new DeadlinePolicy(TestCalendars.Autumn2026, options);

        var routed = policy.Compute(Routed(WarningColor.Red, "2026-09-21 09:00"));
        var working = policy.Compute(Working(WarningColor.Red, "2026-09-21 10:00"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(routed.AcceptDueAt), Is.EqualTo("2026-09-21 10:00"));
            Assert.That(routed.AcceptWarnAt, Is.Null, "no warning with a zero lead");
            Assert.That(Local(working.ResolveDueAt), Is.EqualTo("2026-09-22 10:00"));
        }
    }

    [Test]
    public void Unusable_options_are_refused_naming_the_setting()
    {
        var options = new DeadlineOptions
        {
            Yellow = new() { AcceptWithin = TimeSpan.Zero, ResolveWithinWorkingDays = 7 },
            Red = new() { AcceptWithin = TimeSpan.FromHours(2), ResolveWithinWorkingDays = 9 },
            FeedbackMissesToEscalate = 0,
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Validate(), Is.EquivalentTo(new[]
            {
                "Deadlines:Yellow:AcceptWithin must be positive.",
                "Deadlines: AcceptWithin must not grow with urgency (red ≤ yellow ≤ green).",
                "Deadlines: ResolveWithinWorkingDays must not grow with urgency (red ≤ yellow ≤ green).",
                "Deadlines:FeedbackMissesToEscalate must be positive.",
            }));
            Assert.That(() => new DeadlinePolicy(TestCalendars.Autumn2026, options), Throws.ArgumentException);
            Assert.That(new DeadlineOptions().Validate(), Is.Empty);
        }
    }

    [TestCase("2026-09-21 17:30", "2026-09-21 17:00", 0)]
    [TestCase("2026-09-21 17:30", "2026-09-21 20:00", 0)]
    [TestCase("2026-09-21 17:30", "2026-09-22 09:00", 1)]
    [TestCase("2026-09-24 10:00", "2026-09-28 10:00", 1)]
    [TestCase("2026-09-24 10:00", "2026-09-28 10:01", 2)]
    public void Days_overdue_count_the_working_days_begun_since_the_deadline(string due, string now, int days) =>
        Assert.That(Policy.WorkingDaysOverdue(At(due), At(now)), Is.EqualTo(days));
}
