using System.Globalization;

namespace Referral.Service.Dashboard;

/// <summary>
/// Whole calendar months, <see cref="From"/> to <see cref="To"/> inclusive, on the wall clock of the
/// working calendar's time zone (Asia/Shanghai): a case referred at 23:30 on 31 May in Cixi is a May case.
/// </summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public const int MaxMonths = 24;
    private const string MonthFormat = "yyyy-MM";

    public int MonthCount => (To.Year - From.Year) * 12 + To.Month - From.Month + 1;

    public IReadOnlyList<DateOnly> Months => Enumerable.Range(0, MonthCount).Select(From.AddMonths).ToList();

    /// <summary>The same months one year earlier: the year-on-year comparison.</summary>
    public StatisticsPeriod PreviousYear => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>The twelve months up to and including the month of <paramref name="now"/>.</summary>
    public static StatisticsPeriod LastTwelveMonths(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var month = new DateOnly(local.Year, local.Month, 1);
        return new StatisticsPeriod(month.AddMonths(-11), month);
    }

    /// <summary>Reads "yyyy-MM" months; a missing end is the month of <paramref name="now"/>, a missing start twelve months before the end.</summary>
    public static bool TryParse(string? from, string? to, DateTimeOffset now, TimeZoneInfo zone,
        out StatisticsPeriod period, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var fallback = LastTwelveMonths(now, zone);
        var end = ParseMonth(to, "to", errors) ?? fallback.To;
        var start = ParseMonth(from, "from", errors) ?? end.AddMonths(-11);
        period = new StatisticsPeriod(start, end);
        if (errors.Count > 0) return false;
        if (end < start) errors["to"] = ["结束月份不能早于起始月份 (to is before from)"];
        else if (period.MonthCount > MaxMonths) errors["to"] = [$"统计区间最长{MaxMonths}个月 (at most {MaxMonths} months)"];
        return errors.Count == 0;
    }

    public static string Format(DateOnly month) => month.ToString(MonthFormat, CultureInfo.InvariantCulture);

    /// <summary>The UTC instant at which <paramref name="month"/> begins in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly month, TimeZoneInfo zone)
    {
        var local = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    public override string ToString() => $"{Format(From)}..{Format(To)}";

    private static DateOnly? ParseMonth(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year >= 2000)
            return month;
        errors[field] = [$"应为年月，如 2026-04 (a month as yyyy-MM, such as 2026-04)"];
        return null;
    }
}
