using Referral.Core.Calendar;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Calendar;

public sealed class CalendarFileTests
{
    [Test]
    public void Single_days_and_ranges_become_named_holidays_and_swapped_days_become_working_days()
    {
        var calendar = TestCalendars.Autumn2026;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.TimeZone.Id, Is.EqualTo("Asia/Shanghai"));
            Assert.That(calendar.WorkingHours.Select(p => p.ToString()), Is.EqualTo(new[] { "08:30–12:00", "13:30–17:30" }));
            Assert.That(calendar.WorkingDayLength, Is.EqualTo(TimeSpan.FromHours(7.5)));
            Assert.That(calendar.Holidays, Has.Count.EqualTo(10));
            Assert.That(calendar.HolidayName(Day("2026-10-04")), Is.EqualTo("国庆节"));
            Assert.That(calendar.HolidayName(Day("2026-10-08")), Is.Null);
            Assert.That(calendar.WorkingWeekendDays.Select(d => d.Name), Is.EqualTo(new[] { "国庆节调休", "国庆节调休" }));
            Assert.That(calendar.IsWorkingDay(Day("2026-10-10")), Is.True);
        }
    }

    [Test]
    public void An_empty_file_gives_Shanghai_with_the_default_hours_and_no_holidays()
    {
        var calendar = CalendarFile.Parse("{}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.TimeZone.Id, Is.EqualTo("Asia/Shanghai"));
            Assert.That(calendar.WorkingHours, Is.EqualTo(WorkingCalendar.DefaultWorkingHours));
            Assert.That(calendar.Holidays, Is.Empty);
            Assert.That(calendar.HasHolidaysFor(2026), Is.False);
        }
    }

    [Test]
    public void Working_hours_may_have_one_period_or_several()
    {
        var calendar = CalendarFile.Parse("""
            { "workingHours": [ { "start": "14:00", "end": "18:00" }, { "start": "9:00", "end": "12:00" }, { "start": "19:00", "end": "20:00" } ] }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.WorkingHours.Select(p => p.ToString()), Is.EqualTo(new[] { "09:00–12:00", "14:00–18:00", "19:00–20:00" }));
            Assert.That(Local(calendar.AddWorkingTime(At("2026-09-21 17:30"), TimeSpan.FromHours(1))), Is.EqualTo("2026-09-21 19:30"));
        }
    }

    [Test]
    public void Comments_and_trailing_commas_are_allowed()
    {
        var calendar = CalendarFile.Parse("""
            {
              // 2026 from the State Council notice
              "source": ["国务院办公厅关于2026年部分节假日安排的通知"],
              "holidays": [ { "date": "2026-09-25", "name": "中秋节" }, ], /* the rest later */
            }
            """);

        Assert.That(calendar.IsWorkingDay(Day("2026-09-25")), Is.False);
    }

    private static IEnumerable<TestCaseData> Mistakes()
    {
        TestCaseData Mistake(string name, string json, string error) => new TestCaseData(json, error).SetArgDisplayNames(name);

        yield return Mistake("a date that does not exist",
            """{ "holidays": [ { "date": "2026-02-30", "name": "春节" } ] }""",
            "holidays[0].date: \"2026-02-30\" is not a date (yyyy-MM-dd, such as 2026-10-01)");
        yield return Mistake("a date in another format",
            """{ "holidays": [ { "date": "2026/10/01", "name": "国庆节" } ] }""",
            "holidays[0].date: \"2026/10/01\" is not a date");
        yield return Mistake("a range that ends before it starts",
            """{ "holidays": [ { "from": "2026-10-07", "to": "2026-10-01", "name": "国庆节" } ] }""",
            "holidays[0]: \"to\" 2026-10-01 is before \"from\" 2026-10-07");
        yield return Mistake("a range without its end",
            """{ "holidays": [ { "from": "2026-10-01", "name": "国庆节" } ] }""",
            "holidays[0]: \"to\" is missing");
        yield return Mistake("a range of a whole season",
            """{ "holidays": [ { "from": "2026-10-01", "to": "2026-11-07", "name": "国庆节" } ] }""",
            "holidays[0]: 38 days from 2026-10-01 to 2026-11-07; a range longer than 31 days is probably a mistyped date");
        yield return Mistake("both a date and a range",
            """{ "holidays": [ { "date": "2026-10-01", "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" } ] }""",
            "holidays[0]: give either \"date\", or \"from\" and \"to\"");
        yield return Mistake("neither a date nor a range",
            """{ "holidays": [ { "name": "国庆节" } ] }""",
            "holidays[0]: give either \"date\", or \"from\" and \"to\"");
        yield return Mistake("an entry without a name",
            """{ "holidays": [ { "date": "2026-10-01" } ] }""",
            "holidays[0]: needs a \"name\"");
        yield return Mistake("a mistyped field",
            """{ "holidays": [ { "data": "2026-10-01", "date": "2026-10-01", "name": "国庆节" } ] }""",
            "holidays[0]: unknown field \"data\" (expected date, from, to, name)");
        yield return Mistake("a mistyped list",
            """{ "holiday": [ ] }""",
            "the file: unknown field \"holiday\"");
        yield return Mistake("a date as a number",
            """{ "workingDays": [ { "date": 20261010, "name": "国庆节调休" } ] }""",
            "workingDays[0].date: must be a text in quotes, not number");
        yield return Mistake("a period that ends before it starts",
            """{ "workingHours": [ { "start": "13:30", "end": "12:00" } ] }""",
            "workingHours[0]: end 12:00 is not after start 13:30");
        yield return Mistake("overlapping periods",
            """{ "workingHours": [ { "start": "08:30", "end": "12:00" }, { "start": "11:00", "end": "13:00" } ] }""",
            "workingHours[1] (11:00–13:00) overlaps workingHours[0] (08:30–12:00)");
        yield return Mistake("a time that does not exist",
            """{ "workingHours": [ { "start": "08:30", "end": "24:00" } ] }""",
            "workingHours[0].end: \"24:00\" is not a time of day (HH:mm, from 00:00 to 23:59)");
        yield return Mistake("no working period",
            """{ "workingHours": [ ] }""",
            "workingHours: lists no period");
        yield return Mistake("a day both holiday and working day",
            """{ "holidays": [ { "from": "2026-10-01", "to": "2026-10-10", "name": "国庆节" } ], "workingDays": [ { "date": "2026-10-10", "name": "国庆节调休" } ] }""",
            "2026-10-10 is both a holiday (holidays[0] 国庆节) and a working day (workingDays[0] 国庆节调休)");
        yield return Mistake("a weekday as a swapped working day",
            """{ "workingDays": [ { "date": "2026-10-09", "name": "国庆节调休" } ] }""",
            "workingDays[0] 国庆节调休: 2026-10-09 is a Friday; only a Saturday or Sunday can be a swapped working day");
        yield return Mistake("an unknown time zone",
            """{ "timeZone": "Asia/Shangai" }""",
            "timeZone: \"Asia/Shangai\" is not a known time zone (use an IANA id such as \"Asia/Shanghai\")");
        yield return Mistake("a list that is not a list",
            """{ "holidays": { "date": "2026-10-01", "name": "国庆节" } }""",
            "holidays: must be a list [ ... ]");
        yield return Mistake("not an object",
            """[ { "date": "2026-10-01" } ]""",
            "the file must hold one JSON object");
        yield return Mistake("broken JSON",
            "{ \"holidays\": [ { \"date\": \"2026-10-01\" \"name\": \"国庆节\" } ] }",
            "not valid JSON at line 1");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void A_mistake_in_the_file_is_refused_naming_the_entry_and_what_is_wrong(string json, string error)
    {
        var refused = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse(json))!;

        Assert.That(refused.Errors, Has.Some.Contains(error), refused.Message);
    }

    [Test]
    public void Every_mistake_is_reported_at_once()
    {
        var refused = Assert.Throws<CalendarFileException>(() => CalendarFile.Parse("""
            { "holidays": [ { "date": "2026-13-01", "name": "x" }, { "date": "2026-10-01", "name": "国庆节" }, { "date": "2026-10-02" } ],
              "workingDays": [ { "date": "2026-10-01", "name": "国庆节调休" } ] }
            """))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Errors, Has.Count.EqualTo(4));
            Assert.That(refused.Message, Does.StartWith("The calendar file has 4 errors:"));
            Assert.That(refused.Message, Does.Contain("holidays[2]: needs a \"name\""));
        }
    }

    [Test]
    public void A_file_loaded_from_disk_names_itself_in_its_errors()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "timeZone": "Mars/Olympus" }""");
        try
        {
            var refused = Assert.Throws<CalendarFileException>(() => CalendarFile.Load(path))!;

            Assert.That(refused.Message, Does.StartWith($"The calendar file {path} has 1 error:"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_shipped_file_has_the_State_Council_arrangement_for_2025_and_2026()
    {
        var calendar = TestCalendars.Shipped();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calendar.HasHolidaysFor(2025), Is.True);
            Assert.That(calendar.HasHolidaysFor(2026), Is.True);
            Assert.That(calendar.HolidayName(Day("2026-02-17")), Is.EqualTo("春节"));
            Assert.That(calendar.HolidayName(Day("2026-10-01")), Is.EqualTo("国庆节"));
            Assert.That(calendar.IsWorkingDay(Day("2026-01-04")), Is.True, "元旦调休, a Sunday");
            Assert.That(calendar.IsWorkingDay(Day("2026-02-14")), Is.True, "春节调休, a Saturday");
            Assert.That(calendar.IsWorkingDay(Day("2026-10-10")), Is.True, "国庆节调休, a Saturday");
            Assert.That(calendar.IsWorkingDay(Day("2026-10-08")), Is.True);
        }
    }

    /// <summary>365 days, less 104 weekend days, less the 13 days of public holiday the law gives since 2025.</summary>
    [TestCase(2025)]
    [TestCase(2026)]
    public void The_shipped_file_gives_each_year_248_working_days(int year)
    {
        var calendar = TestCalendars.Shipped();

        Assert.That(calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)), Is.EqualTo(248));
    }
}
