namespace Referral.Core.Calendar;

/// <summary>One stretch of working hours within a day, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{CalendarText.Clock(Start)}–{CalendarText.Clock(End)}";
}
