namespace Referral.Core.Calendar;

/// <summary>
/// Working time: instants stepped and measured over the working periods only. Long spans jump whole
/// working days (and whole weeks), so the cost grows with the number of days, never with minutes.
/// </summary>
public sealed partial class WorkingCalendar
{
    /// <summary>The date on the calendar's wall clock at <paramref name="instant"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary><paramref name="instant"/> with the calendar zone's offset, for display.</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>Whether <paramref name="instant"/> falls inside a working period of a working day (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var (date, time) = Split(Local(instant));
        if (!IsWorkingDay(date)) return false;
        for (var i = 0; i < _periodStarts.Length; i++)
        {
            if (time >= _periodStarts[i] && time < _periodEnds[i]) return true;
        }
        return false;
    }

    /// <summary><paramref name="instant"/> itself when it is working time, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var (date, time) = Split(Local(instant));
        if (IsWorkingDay(date))
        {
            for (var i = 0; i < _periodStarts.Length; i++)
            {
                if (time < _periodStarts[i]) return ToUtc(date, _periodStarts[i]);
                if (time < _periodEnds[i]) return instant.ToUniversalTime();
            }
        }
        return ToUtc(NextWorkingDay(date), _periodStarts[0]);
    }

    /// <summary>When the first working period of <paramref name="date"/> starts; the date must be a working day.</summary>
    public DateTimeOffset StartOfWorkingDay(DateOnly date) => ToUtc(RequireWorkingDay(date), _periodStarts[0]);

    /// <summary>When the last working period of <paramref name="date"/> ends; the date must be a working day.</summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly date) => ToUtc(RequireWorkingDay(date), _periodEnds[^1]);

    /// <summary>The last working day whose working hours had ended at <paramref name="instant"/>.</summary>
    public DateOnly LastCompletedWorkingDay(DateTimeOffset instant)
    {
        var (date, time) = Split(Local(instant));
        return IsWorkingDay(date) && time >= _periodEnds[^1] ? date : PreviousWorkingDay(date);
    }

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time has passed since <paramref name="start"/>.
    /// A start outside working hours counts from the next period start. A result that lands exactly on the end
    /// of a period is that end (08:30 + 3.5 h is 12:00, not 13:30; a full day from 08:30 is 17:30 the same day).
    /// Zero returns <paramref name="start"/> unchanged.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero) return start.ToUniversalTime();
        var remaining = workingTime.Ticks;
        var (date, time) = Split(Local(start));
        if (IsWorkingDay(date) && TryForwardWithinDay(date, time, ref remaining, out var sameDay)) return sameDay;

        date = NextWorkingDay(date);
        var wholeDays = (remaining - 1) / _dayLength;
        date = AddWorkingDays(date, checked((int)wholeDays));
        remaining -= wholeDays * _dayLength;
        TryForwardWithinDay(date, 0, ref remaining, out var end);
        return end;
    }

    /// <summary>
    /// The instant <paramref name="workingTime"/> of working time before <paramref name="end"/>: the mirror of
    /// <see cref="AddWorkingTime"/>. An end outside working hours counts back from the previous period end; a result
    /// that lands exactly on the start of a period is that start. Zero returns <paramref name="end"/> unchanged.
    /// </summary>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset end, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        if (workingTime == TimeSpan.Zero) return end.ToUniversalTime();
        var remaining = workingTime.Ticks;
        var (date, time) = Split(Local(end));
        if (IsWorkingDay(date) && TryBackwardWithinDay(date, time, ref remaining, out var sameDay)) return sameDay;

        date = PreviousWorkingDay(date);
        var wholeDays = (remaining - 1) / _dayLength;
        date = AddWorkingDays(date, -checked((int)wholeDays));
        remaining -= wholeDays * _dayLength;
        TryBackwardWithinDay(date, TimeSpan.TicksPerDay, ref remaining, out var start);
        return start;
    }

    /// <summary>
    /// <paramref name="days"/> working days after <paramref name="start"/>: exactly <paramref name="days"/> times
    /// <see cref="WorkingDayLength"/> of working time. That is the same clock time <paramref name="days"/> working
    /// days later (Monday 10:00 + 3 is Thursday 10:00, over weekends and holidays); a start outside working hours
    /// counts from the next period start, and a result on a period boundary is reported as the end of the earlier
    /// period (Monday 08:30 + 3 is Wednesday 17:30, the same point in working time as Thursday 08:30).
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, TimeSpan.FromTicks(days * _dayLength));
    }

    /// <summary>
    /// The working time between two instants; negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// <c>WorkingTimeBetween(s, AddWorkingTime(s, t)) == t</c> for every start and amount.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) return -WorkingTimeBetween(to, from);
        var (fromDate, fromTime) = Split(Local(from));
        var (toDate, toTime) = Split(Local(to));
        if (fromDate == toDate) return TimeSpan.FromTicks(WorkedWithinDay(fromDate, fromTime, toTime));

        var wholeDays = WorkingDaysBetween(fromDate, toDate.AddDays(-1));
        return TimeSpan.FromTicks(
            WorkedWithinDay(fromDate, fromTime, TimeSpan.TicksPerDay) + wholeDays * _dayLength + WorkedWithinDay(toDate, 0, toTime));
    }

    private bool TryForwardWithinDay(DateOnly date, long from, ref long remaining, out DateTimeOffset end)
    {
        for (var i = 0; i < _periodStarts.Length; i++)
        {
            var start = Math.Max(_periodStarts[i], from);
            var available = _periodEnds[i] - start;
            if (available <= 0) continue;
            if (remaining <= available)
            {
                end = ToUtc(date, start + remaining);
                return true;
            }
            remaining -= available;
        }
        end = default;
        return false;
    }

    private bool TryBackwardWithinDay(DateOnly date, long to, ref long remaining, out DateTimeOffset start)
    {
        for (var i = _periodStarts.Length - 1; i >= 0; i--)
        {
            var end = Math.Min(_periodEnds[i], to);
            var available = end - _periodStarts[i];
            if (available <= 0) continue;
            if (remaining <= available)
            {
                start = ToUtc(date, end - remaining);
                return true;
            }
            remaining -= available;
        }
        start = default;
        return false;
    }

    private long WorkedWithinDay(DateOnly date, long from, long to)
    {
        if (!IsWorkingDay(date)) return 0;
        long worked = 0;
        for (var i = 0; i < _periodStarts.Length; i++)
            worked += Math.Max(0, Math.Min(_periodEnds[i], to) - Math.Max(_periodStarts[i], from));
        return worked;
    }

    private DateOnly RequireWorkingDay(DateOnly date) =>
        IsWorkingDay(date) ? date : throw new ArgumentException($"{CalendarText.Iso(date)} is not a working day.", nameof(date));

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    private static (DateOnly Date, long TimeOfDay) Split(DateTime local) =>
        (DateOnly.FromDateTime(local), local.TimeOfDay.Ticks);

    /// <summary>
    /// The UTC instant of a wall-clock time in the calendar's zone. A wall-clock time skipped by a clock change is
    /// read with the offset before the change; one that occurs twice is read with the standard offset.
    /// </summary>
    private DateTimeOffset ToUtc(DateOnly date, long timeOfDay)
    {
        var local = new DateTime(date.DayNumber * TimeSpan.TicksPerDay + timeOfDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(local.Ticks - TimeZone.GetUtcOffset(local).Ticks, TimeSpan.Zero);
    }
}
