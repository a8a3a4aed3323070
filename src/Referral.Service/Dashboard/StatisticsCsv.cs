using System.Globalization;
using CsvHelper;

namespace Referral.Service.Dashboard;

/// <summary>
/// Each chart of the dashboard as a CSV table with Chinese headers. UTF-8 with a byte order mark:
/// without it Excel on a Chinese Windows reads the file as GBK and garbles every name.
/// </summary>
public static class StatisticsCsv
{
    private sealed record Table(string[] Header, IEnumerable<object?[]> Rows);

    private static readonly Dictionary<string, Func<StatisticsReport, Table>> Tables = new(StringComparer.OrdinalIgnoreCase)
    {
        ["headline"] = Headline,
        ["monthly"] = r => new(["月份", "流转", "办结", "化解"],
            r.Months.Select(m => new object?[] { m.Month, m.Referred, m.Closed, m.Resolved })),
        ["trend"] = r => new(["月份", "流转", "上年同月", "上年同月流转", "同比增减", "同比(%)"],
            r.Months.Select(m => new object?[] { m.Month, m.Referred, PreviousYear(m.Month), m.PreviousYearReferred,
                m.Referred - m.PreviousYearReferred, m.ChangePercent })),
        ["dispute-types"] = r => new(["纠纷类型代码", "纠纷类型", "流转"], Counts(r.ByDisputeType)),
        ["departments"] = r => new(["部门代码", "主办部门", "流转", "签收", "办结", "化解", "平均签收用时(工作小时)", "平均办结用时(工作日)"],
            r.ByDepartment.Select(d => new object?[] { d.Code, d.Name, d.Referred, d.Accepted, d.Closed, d.Resolved,
                d.MeanAcceptHours.Value, d.MeanResolveDays.Value })),
        ["stations"] = r => new(["派出所代码", "派出所", "流转"], Counts(r.ByStation)),
        ["colors"] = r => new(["颜色代码", "预警颜色", "流转"], Counts(r.ByColor)),
        ["outcomes"] = r => new(["结果代码", "办结结果", "办结"], Counts(r.ByOutcome)),
    };

    /// <summary>
    /// Names come from the admin's reference data: one starting with = + - @ would run as a formula in a
    /// spreadsheet, so text cells like that are escaped with a quote.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static IReadOnlyCollection<string> Charts => Tables.Keys;

    public static bool Exists(string chart) => Tables.ContainsKey(chart);

    /// <summary>The chart's table as CSV bytes, byte order mark first.</summary>
    public static byte[] Write(string chart, StatisticsReport report)
    {
        var table = Tables[chart](report);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord(table.Header);
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) WriteCell(csv, cell);
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    private static Table Headline(StatisticsReport r)
    {
        var h = r.Headline;
        return new(["指标", "数值", "计数", "基数"],
        [
            ["流转警情(件)", h.Referred, "", ""],
            ["同比(%)", r.YearOnYear.ChangePercent, r.YearOnYear.Current, r.YearOnYear.Previous],
            ["办结(件)", h.Closed, "", ""],
            ["化解(件)", h.Resolved, "", ""],
            ["日清率(%)", h.DailyFeedback.RatePercent, h.DailyFeedback.WithProgress, h.DailyFeedback.Required],
            ["当前超期(件)", h.OverdueNow, "", ""],
            ["重复纠纷率(%)", h.Recurrence.RatePercent, h.Recurrence.Count, h.Recurrence.Of],
            ["民转刑(起)", h.TurnedCriminal, "", ""],
            ["平均签收用时(工作小时)", h.MeanAcceptHours.Value, h.MeanAcceptHours.Cases, ""],
            ["平均办结用时(工作日)", h.MeanResolveDays.Value, h.MeanResolveDays.Cases, ""],
        ]);
    }

    private static IEnumerable<object?[]> Counts(IEnumerable<CategoryCount> counts) =>
        counts.Select(c => new object?[] { c.Code, c.Name, c.Count });

    private static string PreviousYear(string month) =>
        StatisticsPeriod.Format(DateOnly.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).AddYears(-1));

    /// <summary>Numbers as numbers (invariant, never escaped: "-9.1" is a change, not a formula); a figure with nothing to compute from is "n/a".</summary>
    private static void WriteCell(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null: csv.WriteField(DashboardText.NotAvailable); break;
            case string text: csv.WriteField(text); break;
            default: csv.WriteField(value); break;
        }
    }
}
