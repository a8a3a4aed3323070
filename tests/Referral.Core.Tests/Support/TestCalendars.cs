using Referral.Core.Calendar;

namespace Referral.Core.Tests.Support;

/// <summary>Calendars the tests run on.</summary>
internal static class TestCalendars
{
    /// <summary>
    /// Autumn 2026 as the State Council arranged it: Sunday 20 September worked, Mid-Autumn Friday 25 to
    /// Sunday 27 September off, National Day 1 to 7 October off, Saturday 10 October worked.
    /// </summary>
    public const string Autumn2026Json = """
        {
          "timeZone": "Asia/Shanghai",
          "workingHours": [ { "start": "08:30", "end": "12:00" }, { "start": "13:30", "end": "17:30" } ],
          "holidays": [
            { "from": "2026-09-25", "to": "2026-09-27", "name": "中秋节" },
            { "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" }
          ],
          "workingDays": [
            { "date": "2026-09-20", "name": "国庆节调休" },
            { "date": "2026-10-10", "name": "国庆节调休" }
          ]
        }
        """;

    public static readonly WorkingCalendar Autumn2026 = CalendarFile.Parse(Autumn2026Json);

    /// <summary>The file shipped for production, deploy/calendar/cn-holidays.json.</summary>
    public static WorkingCalendar Shipped() => CalendarFile.Load(RepositoryFile("deploy/calendar/cn-holidays.json"));

    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Referral.sln"))) return Path.Combine(dir.FullName, relativePath);
        }
        throw new InvalidOperationException($"No Referral.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
