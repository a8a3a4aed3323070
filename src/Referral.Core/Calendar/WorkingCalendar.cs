using System.Collections.Frozen;

namespace Referral.Core.Calendar;

/// <summary>
/// Working days and working hours in one time zone: Monday to Friday except public holidays, plus
/// the weekend days that are worked in exchange (调休); on each working day the same working hours
/// (by default 08:30–12:00 and 13:30–17:30). Built from the calendar file the admin maintains
/// (<see cref="CalendarFile"/>).
/// <para>
/// Working time is counted on the wall clock of <see cref="TimeZone"/>: a working day holds exactly
/// <see cref="WorkingDayLength"/>. Asia/Shanghai has no daylight saving time, so wall clock and elapsed
/// time agree; in a zone with daylight saving they agree too unless a clock change falls inside the
/// working hours. Every instant returned is in UTC (offset zero).
/// </para>
/// <para>
/// Immutable and safe to share between threads: to reload the file, build a new instance and swap it in.
/// </para>
/// </summary>
public sealed partial class WorkingCalendar
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>08:30–12:00 and 13:30–17:30: the working hours when the file names none.</summary>
    public static IReadOnlyList<WorkingPeriod> DefaultWorkingHours { get; } =
        [new(new TimeOnly(8, 30), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(17, 30))];

    private readonly long[] _periodStarts;
    private readonly long[] _periodEnds;
    private readonly long _dayLength;
    private readonly FrozenDictionary<DateOnly, string> _holidays;
    private readonly FrozenDictionary<DateOnly, string> _workingWeekendDays;
    private readonly FrozenSet<int> _yearsWithHolidays;
    /// <summary>Holidays that fall on a weekday, sorted: the days a plain Monday–Friday count gets wrong.</summary>
    private readonly DateOnly[] _weekdayHolidays;
    private readonly DateOnly[] _sortedWorkingWeekendDays;
    /// <summary>Both of the above, sorted: a week without any of them has exactly five working days.</summary>
    private readonly DateOnly[] _exceptions;

    public WorkingCalendar(
        TimeZoneInfo timeZone,
        IEnumerable<WorkingPeriod> workingHours,
        IEnumerable<CalendarDay>? holidays = null,
        IEnumerable<CalendarDay>? workingWeekendDays = null)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(workingHours);
        TimeZone = timeZone;
        WorkingHours = CheckedPeriods(workingHours);
        _periodStarts = WorkingHours.Select(p => p.Start.Ticks).ToArray();
        _periodEnds = WorkingHours.Select(p => p.End.Ticks).ToArray();
        _dayLength = WorkingHours.Sum(p => p.Length.Ticks);

        Holidays = Distinct(holidays ?? []);
        WorkingWeekendDays = Distinct(workingWeekendDays ?? []);
        CheckWorkingWeekendDays(WorkingWeekendDays, Holidays);
        _holidays = Holidays.ToFrozenDictionary(d => d.Date, d => d.Name);
        _workingWeekendDays = WorkingWeekendDays.ToFrozenDictionary(d => d.Date, d => d.Name);
        _yearsWithHolidays = Holidays.Select(d => d.Date.Year).ToFrozenSet();
        _weekdayHolidays = Holidays.Select(d => d.Date).Where(d => !IsWeekend(d)).ToArray();
        _sortedWorkingWeekendDays = WorkingWeekendDays.Select(d => d.Date).ToArray();
        _exceptions = _weekdayHolidays.Concat(_sortedWorkingWeekendDays).Order().ToArray();
    }


    public TimeZoneInfo TimeZone { get; }

    /// <summary>The working periods of every working day, in order, not overlapping.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingHours { get; }

    /// <summary>The working time in one working day (7.5 h with the default hours).</summary>
    public TimeSpan WorkingDayLength => TimeSpan.FromTicks(_dayLength);

    /// <summary>Public holidays, by date; weekend dates among them change nothing but keep their name.</summary>
    public IReadOnlyList<CalendarDay> Holidays { get; }

    /// <summary>Saturdays and Sundays that are working days (调休), by date.</summary>
    public IReadOnlyList<CalendarDay> WorkingWeekendDays { get; }

    /// <summary>Whether the file lists any holiday in <paramref name="year"/>: false means next year's notice is not entered yet.</summary>
    public bool HasHolidaysFor(int year) => _yearsWithHolidays.Contains(year);

    /// <summary>The name of the holiday on <paramref name="date"/>, or null.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    private static List<WorkingPeriod> CheckedPeriods(IEnumerable<WorkingPeriod> periods)
    {
        var sorted = periods.OrderBy(p => p.Start).ToList();
        if (sorted.Count == 0)
            throw new ArgumentException("A working calendar needs at least one working period.", nameof(periods));
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].End <= sorted[i].Start)
                throw new ArgumentException($"The working period {sorted[i]} ends before it starts.", nameof(periods));
            if (i > 0 && sorted[i].Start < sorted[i - 1].End)
                throw new ArgumentException($"The working periods {sorted[i - 1]} and {sorted[i]} overlap.", nameof(periods));
        }
        return sorted;
    }

    private static List<CalendarDay> Distinct(IEnumerable<CalendarDay> days) =>
        days.DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();

    private static void CheckWorkingWeekendDays(IReadOnlyList<CalendarDay> workingDays, IReadOnlyList<CalendarDay> holidays)
    {
        var weekday = workingDays.FirstOrDefault(d => !IsWeekend(d.Date));
        if (weekday is not null)
            throw new ArgumentException($"{CalendarText.Iso(weekday.Date)} is a {weekday.Date.DayOfWeek}: only a Saturday or Sunday can be a swapped working day.");
        var both = workingDays.Select(d => d.Date).Intersect(holidays.Select(d => d.Date)).FirstOrDefault();
        if (both != default)
            throw new ArgumentException($"{CalendarText.Iso(both)} cannot be both a holiday and a working day.");
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
