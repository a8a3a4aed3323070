using System.Globalization;

namespace Referral.Service.Tests.FollowUp;

/// <summary>Instants written as wall-clock times in Cixi (UTC+8, no daylight saving), so that tests read like the calendar.</summary>
internal static class Shanghai
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>"2026-09-21 10:00" in Shanghai.</summary>
    public static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Offset);

    public static string Local(DateTimeOffset instant) => instant.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string? Local(DateTimeOffset? instant) => instant is { } i ? Local(i) : null;
}
