namespace Referral.Service.Calendar;

public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>
    /// The working calendar the admin maintains (holidays and 调休; docs/calendar.md). A relative path
    /// is looked up under the content root, then next to the service's binaries (where the shipped
    /// copy of deploy/calendar/cn-holidays.json is).
    /// </summary>
    public string File { get; set; } = "calendar/cn-holidays.json";
}
