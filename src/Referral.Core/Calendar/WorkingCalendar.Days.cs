namespace Referral.Core.Calendar;

/// <summary>Working days: which dates are worked, and counting and stepping over them.</summary>
public sealed partial class WorkingCalendar
{
    /// <summary>Monday to Friday unless a public holiday; Saturday or Sunday only when listed as a swapped working day (调休).</summary>
    public bool IsWorkingDay(DateOnly date) =>
        IsWeekend(date) ? _workingWeekendDays.ContainsKey(date) : !_holidays.ContainsKey(date);

    /// <summary>The first working day after <paramref name="date"/> (never <paramref name="date"/> itself).</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day before <paramref name="date"/> (never <paramref name="date"/> itself).</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/> (before it when negative);
    /// <paramref name="date"/> itself for zero, whether or not it is a working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var left = Math.Abs(days);
        while (left > 0)
        {
            // Seven days without a holiday or swapped day hold exactly five working days: jump the week.
            if (left > 5 && !HasExceptionWithinAWeek(date, step))
            {
                date = date.AddDays(7 * step);
                left -= 5;
                continue;
            }
            date = date.AddDays(step);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, like subtracting
    /// dates: 1 from a working day's eve to that day, 0 for the same date, negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var weekdays = WeekdaysUpTo(to) - WeekdaysUpTo(from);
        return weekdays - CountIn(_weekdayHolidays, from, to) + CountIn(_sortedWorkingWeekendDays, from, to);
    }

    /// <summary>Weekdays from 0001-01-01 (a Monday, day number 0) up to and including <paramref name="date"/>.</summary>
    private static int WeekdaysUpTo(DateOnly date)
    {
        var n = date.DayNumber;
        return n / 7 * 5 + Math.Min(n % 7 + 1, 5);
    }

    /// <summary>How many of the sorted <paramref name="dates"/> fall after <paramref name="from"/> up to <paramref name="to"/>.</summary>
    private static int CountIn(DateOnly[] dates, DateOnly from, DateOnly to) => CountUpTo(dates, to) - CountUpTo(dates, from);

    private static int CountUpTo(DateOnly[] dates, DateOnly date)
    {
        var i = Array.BinarySearch(dates, date);
        return i >= 0 ? i + 1 : ~i;
    }

    private bool HasExceptionWithinAWeek(DateOnly date, int step)
    {
        var i = Array.BinarySearch(_exceptions, date);
        if (step > 0)
        {
            var next = i >= 0 ? i + 1 : ~i;
            return next < _exceptions.Length && _exceptions[next] <= date.AddDays(7);
        }
        var previous = i >= 0 ? i - 1 : ~i - 1;
        return previous >= 0 && _exceptions[previous] >= date.AddDays(-7);
    }
}
