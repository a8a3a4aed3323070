using System.Globalization;

namespace Referral.Service.Dashboard;

/// <summary>How the dashboard writes its figures; "n/a" where there is nothing to compute from.</summary>
public static class DashboardText
{
    public const string NotAvailable = "n/a";

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : NotAvailable;

    /// <summary>A change with its sign: "+4.2%", "-9.0%".</summary>
    public static string Change(double? value) =>
        value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : NotAvailable;

    public static string Number(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : NotAvailable;

    public static string Month(string month)
    {
        var date = DateOnly.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
        return $"{date.Year}年{date.Month}月";
    }

    public static string CsvHref(string chart, StatisticsReport report) =>
        $"/api/statistics/{chart}.csv?from={report.From}&to={report.To}";
}
