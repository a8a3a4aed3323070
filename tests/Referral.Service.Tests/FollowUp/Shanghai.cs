using System.Globalization;

namespace Referral.Service.Tests.FollowUp;

/// <summary>Instants written as wall-clock times in Cixi (UTC+8, no daylight saving), so that tests read like the calendar.</summary>
internal static class Shanghai
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// "2026-09-21 10:00" in Shanghai, as a UTC instant like the system clock's: SQLite stores instants with their
    /// offset, so a fake clock at +08:00 would compare 8 hours off against the UTC deadlines the service computes.
    /// </summary>
    public static DateTimeOffset At(string local) =>
        new DateTimeOffset(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Offset).ToUniversalTime();

    public static string Local(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;
}
