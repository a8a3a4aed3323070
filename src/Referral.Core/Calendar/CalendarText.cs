using System.Globalization;

namespace Referral.Core.Calendar;

/// <summary>Dates and times as the calendar file and the timeline write them, whatever the current culture.</summary>
internal static class CalendarText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset localTime) => localTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
