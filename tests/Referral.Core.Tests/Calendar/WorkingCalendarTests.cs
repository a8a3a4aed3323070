using Referral.Core.Calendar;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Autumn = TestCalendars.Autumn2026;

    private static string Add(string start, double hours) => Local(Autumn.AddWorkingTime(At(start), TimeSpan.FromHours(hours)));

    [TestCase("2026-09-21", true, TestName = "A Monday is a working day")]
    [TestCase("2026-10-17", false, TestName = "A Saturday is not a working day")]
    [TestCase("2026-10-18", false, TestName = "A Sunday is not a working day")]
    [TestCase("2026-09-25", false, TestName = "The Mid-Autumn Friday is not a working day")]
    [TestCase("2026-10-05", false, TestName = "A Monday in the National Day week is not a working day")]
    [TestCase("2026-09-20", true, TestName = "The swapped Sunday is a working day")]
    [TestCase("2026-10-10", true, TestName = "The swapped Saturday is a working day")]
    public void Working_days_are_weekdays_without_holidays_plus_swapped_weekend_days(string date, bool working) =>
        Assert.That(Autumn.IsWorkingDay(Day(date)), Is.EqualTo(working));

    [Test]
    public void Next_and_previous_working_day_step_over_the_National_Day_week()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Autumn.NextWorkingDay(Day("2026-09-30")), Is.EqualTo(Day("2026-10-08")));
            Assert.That(Autumn.PreviousWorkingDay(Day("2026-10-08")), Is.EqualTo(Day("2026-09-30")));
            Assert.That(Autumn.NextWorkingDay(Day("2026-10-09")), Is.EqualTo(Day("2026-10-10")));
            Assert.That(Autumn.PreviousWorkingDay(Day("2026-09-21")), Is.EqualTo(Day("2026-09-20")));
            Assert.That(Autumn.NextWorkingDay(Day("2026-09-24")), Is.EqualTo(Day("2026-09-28")));
        }
    }

    [Test]
    public void The_lunch_break_is_not_working_time() =>
        Assert.That(Add("2026-09-21 11:00", 2), Is.EqualTo("2026-09-21 14:30"));

    [Test]
    public void A_start_during_lunch_counts_from_the_afternoon() =>
        Assert.That(Add("2026-09-21 12:15", 1), Is.EqualTo("2026-09-21 14:30"));

    [Test]
    public void An_evening_start_counts_from_the_next_morning() =>
        Assert.That(Add("2026-09-21 19:00", 1), Is.EqualTo("2026-09-22 09:30"));

    [Test]
    public void A_weekend_start_counts_from_Monday_morning() =>
        Assert.That(Add("2026-10-17 10:00", 1), Is.EqualTo("2026-10-19 09:30"));

    [Test]
    public void Working_time_skips_the_National_Day_week() =>
        Assert.That(Add("2026-09-30 16:00", 3), Is.EqualTo("2026-10-08 10:00"));

    [Test]
    public void Working_time_skips_the_Mid_Autumn_long_weekend() =>
        Assert.That(Add("2026-09-24 17:00", 1), Is.EqualTo("2026-09-28 09:00"));

    [Test]
    public void The_swapped_Saturday_is_worked() =>
        Assert.That(Add("2026-10-09 17:00", 1), Is.EqualTo("2026-10-10 09:00"));

    [Test]
    public void The_swapped_Sunday_is_worked() =>
        Assert.That(Add("2026-09-19 12:00", 1), Is.EqualTo("2026-09-20 09:30"));

    [TestCase(3.5, "2026-09-21 12:00", TestName = "Time ending at lunch is due at 12:00, not at 13:30")]
    [TestCase(7.5, "2026-09-21 17:30", TestName = "A full working day from 08:30 is due at 17:30 the same day")]
    [TestCase(15, "2026-09-22 17:30", TestName = "Two full working days from 08:30 are due at 17:30 the next day")]
    public void Working_time_ending_on_a_period_end_is_due_at_that_end(double hours, string expected) =>
        Assert.That(Add("2026-09-21 08:30", hours), Is.EqualTo(expected));

    [Test]
    public void Long_spans_jump_whole_days_and_weeks()
    {
        var start = At("2026-09-21 10:00");
        var fiveYears = TimeSpan.FromTicks(Autumn.WorkingDayLength.Ticks * 1250);

        var end = Autumn.AddWorkingTime(start, fiveYears);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Autumn.WorkingTimeBetween(start, end), Is.EqualTo(fiveYears));
            Assert.That(Local(end), Does.EndWith("10:00"));
            Assert.That(Autumn.DateOf(end).Year, Is.EqualTo(2031));
        }
    }

    [Test]
    public void Zero_working_time_returns_the_start_and_negative_time_is_refused()
    {
        var start = At("2026-09-19 23:00");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Autumn.AddWorkingTime(start, TimeSpan.Zero), Is.EqualTo(start));
            Assert.That(Autumn.SubtractWorkingTime(start, TimeSpan.Zero), Is.EqualTo(start));
            Assert.That(() => Autumn.AddWorkingTime(start, TimeSpan.FromMinutes(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Autumn.AddWorkingDays(start, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public void Every_instant_returned_is_in_UTC()
    {
        var start = At("2026-09-21 10:00");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Autumn.AddWorkingTime(start, TimeSpan.FromHours(1)).Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(Autumn.AddWorkingTime(start, TimeSpan.Zero).Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(Autumn.SubtractWorkingTime(start, TimeSpan.FromHours(1)).Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(Autumn.AddWorkingDays(start, 2).Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(Autumn.NextWorkingMoment(start).Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(Autumn.EndOfWorkingDay(Day("2026-09-21")), Is.EqualTo(new DateTimeOffset(2026, 9, 21, 9, 30, 0, TimeSpan.Zero)));
        }
    }

    [Test]
    public void Shanghai_has_no_daylight_saving_time()
    {
        var zone = Autumn.TimeZone;
        var summerMorning = new DateTimeOffset(2026, 7, 13, 0, 30, 0, TimeSpan.Zero);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(zone.Id, Is.EqualTo("Asia/Shanghai"));
            Assert.That(zone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)), Is.EqualTo(TimeSpan.FromHours(8)));
            Assert.That(zone.GetUtcOffset(new DateTime(2026, 7, 15, 12, 0, 0, DateTimeKind.Utc)), Is.EqualTo(TimeSpan.FromHours(8)));
            Assert.That(Autumn.StartOfWorkingDay(Day("2026-07-13")), Is.EqualTo(summerMorning));
            Assert.That(Autumn.AddWorkingTime(summerMorning, TimeSpan.FromHours(1)), Is.EqualTo(summerMorning.AddHours(1)));
        }
    }

    [Test]
    public void In_a_zone_with_daylight_saving_the_working_hours_stay_on_the_local_clock()
    {
        var berlin = new WorkingCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), [new(new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        var fridayAfternoon = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));

        var due = berlin.AddWorkingTime(fridayAfternoon, TimeSpan.FromHours(2));

        Assert.That(due, Is.EqualTo(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2))));
    }

    [TestCase("2026-09-21 10:00", 3, "2026-09-24 10:00", TestName = "Three working days from Monday 10:00 end on Thursday 10:00")]
    [TestCase("2026-09-22 10:00", 3, "2026-09-28 10:00", TestName = "Working days skip the Mid-Autumn Friday and the weekend")]
    [TestCase("2026-09-21 08:30", 3, "2026-09-23 17:30", TestName = "Three working days from Monday 08:30 end on Wednesday at 17:30")]
    [TestCase("2026-09-21 19:00", 1, "2026-09-22 17:30", TestName = "One working day from Monday evening ends on Tuesday at 17:30")]
    [TestCase("2026-09-21 12:30", 1, "2026-09-22 12:00", TestName = "One working day from the lunch break ends at the next lunch break")]
    [TestCase("2026-09-30 10:00", 2, "2026-10-09 10:00", TestName = "Working days skip the National Day week")]
    [TestCase("2026-09-30 10:00", 3, "2026-10-10 10:00", TestName = "Working days count the swapped Saturday")]
    [TestCase("2026-09-19 10:00", 0, "2026-09-19 10:00", TestName = "Zero working days return the start")]
    public void Working_days_end_at_the_same_clock_time(string start, int days, string expected) =>
        Assert.That(Local(Autumn.AddWorkingDays(At(start), days)), Is.EqualTo(expected));

    [TestCase("2026-09-21 11:00", "2026-09-21 14:30", 2.0, TestName = "The lunch break is left out")]
    [TestCase("2026-09-24 17:00", "2026-09-28 09:00", 1.0, TestName = "The Mid-Autumn long weekend is left out")]
    [TestCase("2026-09-30 08:30", "2026-10-10 17:30", 30.0, TestName = "Only the four working days around the National Day week count")]
    [TestCase("2026-09-26 10:00", "2026-09-27 16:00", 0.0, TestName = "A holiday weekend holds no working time")]
    [TestCase("2026-09-21 14:30", "2026-09-21 11:00", -2.0, TestName = "Reversed instants give negative working time")]
    [TestCase("2026-09-21 10:00", "2026-09-21 10:00", 0.0, TestName = "An instant and itself hold no working time")]
    public void Working_time_between_counts_working_periods_only(string from, string to, double hours) =>
        Assert.That(Autumn.WorkingTimeBetween(At(from), At(to)), Is.EqualTo(TimeSpan.FromHours(hours)));

    [TestCase("2026-09-21 10:30", 2.0, "2026-09-21 08:30", TestName = "Counting back lands on the start of the morning")]
    [TestCase("2026-09-21 10:00", 2.0, "2026-09-20 17:00", TestName = "Counting back steps into the swapped Sunday")]
    [TestCase("2026-09-21 15:30", 2.0, "2026-09-21 13:30", TestName = "Counting back lands on the start of the afternoon")]
    [TestCase("2026-09-22 09:00", 2.0, "2026-09-21 16:00", TestName = "Counting back steps into the previous afternoon")]
    [TestCase("2026-10-08 09:00", 1.0, "2026-09-30 17:00", TestName = "Counting back skips the National Day week")]
    [TestCase("2026-09-21 20:00", 1.0, "2026-09-21 16:30", TestName = "An end in the evening counts back from 17:30")]
    public void Subtracting_working_time_mirrors_adding_it(string end, double hours, string expected) =>
        Assert.That(Local(Autumn.SubtractWorkingTime(At(end), TimeSpan.FromHours(hours))), Is.EqualTo(expected));

    [Test]
    public void Adding_and_measuring_working_time_round_trip_over_random_inputs()
    {
        var calendar = TestCalendars.Shipped();
        var random = new Random(20260921);
        var yearStart = new DateTimeOffset(2025, 1, 1, 0, 0, 0, Shanghai.Offset);
        for (var i = 0; i < 20_000; i++)
        {
            var start = yearStart.AddSeconds(random.Next(0, 2 * 365 * 24 * 3600));
            var amount = TimeSpan.FromSeconds(random.Next(0, 40 * 27_000));

            var end = calendar.AddWorkingTime(start, amount);
            var back = calendar.SubtractWorkingTime(start, amount);

            if (calendar.WorkingTimeBetween(start, end) != amount || calendar.WorkingTimeBetween(back, start) != amount || end < start
                || (amount > TimeSpan.Zero && !calendar.IsWorkingTime(end.AddTicks(-1))))
            {
                Assert.Fail($"start {Local(start)}, amount {amount}: end {Local(end)}, back {Local(back)}");
            }
        }
    }

    [Test]
    public void Working_time_agrees_with_counting_minute_by_minute()
    {
        var calendar = TestCalendars.Shipped();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Shanghai.Offset).AddMinutes(random.Next(0, 365 * 24 * 60));
            var to = from.AddMinutes(random.Next(0, 5 * 24 * 60));

            var minutes = 0;
            for (var t = from; t < to; t = t.AddMinutes(1))
            {
                if (calendar.IsWorkingTime(t)) minutes++;
            }

            Assert.That(calendar.WorkingTimeBetween(from, to), Is.EqualTo(TimeSpan.FromMinutes(minutes)), $"from {Local(from)} to {Local(to)}");
        }
    }

    [Test]
    public void Working_days_between_agrees_with_counting_day_by_day()
    {
        var calendar = TestCalendars.Shipped();
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var from = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 700));
            var to = from.AddDays(random.Next(0, 60));
            var counted = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                if (calendar.IsWorkingDay(d)) counted++;
            }

            using (Assert.EnterMultipleScope())
            {
                Assert.That(calendar.WorkingDaysBetween(from, to), Is.EqualTo(counted), $"{from} to {to}");
                Assert.That(calendar.WorkingDaysBetween(to, from), Is.EqualTo(-counted));
                Assert.That(calendar.WorkingDaysBetween(from, calendar.AddWorkingDays(from, counted + 1)), Is.EqualTo(counted + 1));
                Assert.That(calendar.AddWorkingDays(calendar.AddWorkingDays(from, counted + 1), -(counted + 1)),
                    Is.EqualTo(calendar.IsWorkingDay(from) ? from : calendar.PreviousWorkingDay(from)));
            }
        }
    }

    [Test]
    public void Start_and_end_of_a_working_day_are_its_first_and_last_period_boundaries()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Local(Autumn.StartOfWorkingDay(Day("2026-10-10"))), Is.EqualTo("2026-10-10 08:30"));
            Assert.That(Local(Autumn.EndOfWorkingDay(Day("2026-10-10"))), Is.EqualTo("2026-10-10 17:30"));
            Assert.That(() => Autumn.EndOfWorkingDay(Day("2026-10-01")), Throws.ArgumentException.With.Message.Contains("2026-10-01 is not a working day"));
        }
    }

    [TestCase("2026-09-22 17:29", "2026-09-21")]
    [TestCase("2026-09-22 17:30", "2026-09-22")]
    [TestCase("2026-09-26 10:00", "2026-09-24")]
    [TestCase("2026-09-21 08:00", "2026-09-20")]
    public void The_last_completed_working_day_is_the_last_one_whose_hours_have_ended(string at, string expected) =>
        Assert.That(Autumn.LastCompletedWorkingDay(At(at)), Is.EqualTo(Day(expected)));

    [TestCase("2026-09-21 08:29", false, "2026-09-21 08:30")]
    [TestCase("2026-09-21 08:30", true, "2026-09-21 08:30")]
    [TestCase("2026-09-21 11:59", true, "2026-09-21 11:59")]
    [TestCase("2026-09-21 12:00", false, "2026-09-21 13:30")]
    [TestCase("2026-09-21 17:30", false, "2026-09-22 08:30")]
    [TestCase("2026-09-24 18:00", false, "2026-09-28 08:30")]
    public void Working_time_includes_a_period_start_and_excludes_its_end(string at, bool working, string next)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Autumn.IsWorkingTime(At(at)), Is.EqualTo(working));
            Assert.That(Local(Autumn.NextWorkingMoment(At(at))), Is.EqualTo(next));
        }
    }

    [Test]
    public void The_calendar_can_be_used_from_many_threads_at_once()
    {
        var starts = Enumerable.Range(0, 2_000).Select(i => At("2026-09-18 07:00").AddMinutes(i * 37)).ToArray();
        var expected = starts.Select(s => Autumn.AddWorkingTime(s, TimeSpan.FromHours(20))).ToArray();
        var actual = new DateTimeOffset[starts.Length];

        Parallel.For(0, starts.Length, i => actual[i] = Autumn.AddWorkingTime(starts[i], TimeSpan.FromHours(20)));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Building_a_calendar_refuses_impossible_hours_and_days()
    {
        var zone = Autumn.TimeZone;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new WorkingCalendar(zone, []), Throws.ArgumentException.With.Message.Contains("at least one working period"));
            Assert.That(() => new WorkingCalendar(zone, [new(new TimeOnly(12, 0), new TimeOnly(8, 0))]), Throws.ArgumentException.With.Message.Contains("ends before it starts"));
            Assert.That(() => new WorkingCalendar(zone, [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(11, 0), new TimeOnly(13, 0))]),
                Throws.ArgumentException.With.Message.Contains("overlap"));
            Assert.That(() => new WorkingCalendar(zone, WorkingCalendar.DefaultWorkingHours, workingWeekendDays: [new(Day("2026-10-09"), "x")]),
                Throws.ArgumentException.With.Message.Contains("2026-10-09 is a Friday"));
            Assert.That(() => new WorkingCalendar(zone, WorkingCalendar.DefaultWorkingHours, [new(Day("2026-10-10"), "h")], [new(Day("2026-10-10"), "w")]),
                Throws.ArgumentException.With.Message.Contains("both a holiday and a working day"));
        }
    }
}
