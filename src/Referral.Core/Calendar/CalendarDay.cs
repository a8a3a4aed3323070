namespace Referral.Core.Calendar;

/// <summary>A named day of the calendar file: a public holiday, or a weekend day that is worked (调休).</summary>
public sealed record CalendarDay(DateOnly Date, string Name);
