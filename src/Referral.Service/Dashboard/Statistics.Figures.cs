using System.Text.Json;
using Referral.Core.Calendar;
using Referral.Core.Cases;
using Referral.Core.Grading;

namespace Referral.Service.Dashboard;

/// <summary>From the rows the queries brought back to the figures of the report.</summary>
public sealed partial class Statistics
{
    private static readonly WarningColor[] ColorsInOrder = [WarningColor.Red, WarningColor.Yellow, WarningColor.Green];

    private sealed record Inputs(MonthScale Months, WorkingCalendar Calendar, DateTimeOffset Now, int[] Referred, int[] PreviousYear,
        List<ReferredGroup> Groups, List<HandlingRow> Handling, int OverdueNow, int TurnedCriminal, DailyFeedback Feedback);

    private StatisticsReport Assemble(Inputs x)
    {
        var closedRows = x.Handling.Where(h => x.Months.IndexOf(h.ClosedAt ?? DateTimeOffset.MinValue) >= 0).ToList();
        var acceptedRows = x.Handling.Where(h => x.Months.IndexOf(h.AcceptedAt ?? DateTimeOffset.MinValue) >= 0).ToList();
        var referred = x.Referred.Sum();
        var previous = x.PreviousYear.Sum();
        var headline = new Headline(
            referred,
            closedRows.Count,
            closedRows.Count(IsResolved),
            x.Feedback,
            x.OverdueNow,
            new Ratio(x.Groups.Sum(g => g.Recurrences), referred, Percent(x.Groups.Sum(g => g.Recurrences), referred)),
            x.TurnedCriminal,
            MeanOf(acceptedRows.Select(r => AcceptHours(r, x.Calendar)).OfType<double>()),
            MeanOf(closedRows.Select(r => ResolveDays(r, x.Calendar)).OfType<double>()));
        return new StatisticsReport(
            StatisticsPeriod.Format(x.Months.Period.From),
            StatisticsPeriod.Format(x.Months.Period.To),
            x.Calendar.TimeZone.Id,
            x.Now,
            headline,
            new YearOnYear(referred, previous, referred - previous, Change(referred, previous)),
            MonthsOf(x, closedRows),
            Categories(x.Groups.GroupBy(g => g.DisputeTypeCode), reference.DisputeTypeName),
            Departments(x, closedRows, acceptedRows),
            Categories(x.Groups.GroupBy(g => g.StationCode), code => reference.FindStation(code)?.Name ?? code),
            ColorsInOrder.Select(c => new CategoryCount(c.Code(), c.ChineseName(), x.Groups.Where(g => g.Color == c).Sum(g => g.Count))).ToList(),
            Enum.GetValues<CaseOutcome>().Select(o => new CategoryCount(JsonNamingPolicy.CamelCase.ConvertName(o.ToString()), o.ChineseName(),
                closedRows.Count(r => r.Outcome == o))).ToList());
    }

    private static List<MonthFigures> MonthsOf(Inputs x, List<HandlingRow> closedRows)
    {
        var closed = x.Months.Tally(closedRows.Select(r => r.ClosedAt!.Value));
        var resolved = x.Months.Tally(closedRows.Where(IsResolved).Select(r => r.ClosedAt!.Value));
        return x.Months.Period.Months.Select((month, i) => new MonthFigures(StatisticsPeriod.Format(month), x.Referred[i], closed[i], resolved[i],
            x.PreviousYear[i], Change(x.Referred[i], x.PreviousYear[i]))).ToList();
    }

    private static List<CategoryCount> Categories(IEnumerable<IGrouping<string, ReferredGroup>> groups, Func<string, string> name) =>
        groups.Select(g => new CategoryCount(g.Key, name(g.Key), g.Sum(r => r.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    private List<DepartmentFigures> Departments(Inputs x, List<HandlingRow> closedRows, List<HandlingRow> acceptedRows)
    {
        var codes = x.Groups.Select(g => g.LeadDepartmentCode ?? "")
            .Concat(closedRows.Concat(acceptedRows).Select(r => r.LeadDepartmentCode ?? "")).Distinct();
        return codes.Select(code =>
            {
                var closed = closedRows.Where(r => (r.LeadDepartmentCode ?? "") == code).ToList();
                var accepted = acceptedRows.Where(r => (r.LeadDepartmentCode ?? "") == code).ToList();
                return new DepartmentFigures(code, reference.DepartmentName(code.Length == 0 ? null : code),
                    x.Groups.Where(g => (g.LeadDepartmentCode ?? "") == code).Sum(g => g.Count),
                    accepted.Count, closed.Count, closed.Count(IsResolved),
                    MeanOf(accepted.Select(r => AcceptHours(r, x.Calendar)).OfType<double>()),
                    MeanOf(closed.Select(r => ResolveDays(r, x.Calendar)).OfType<double>()));
            })
            .OrderByDescending(d => d.Referred).ThenByDescending(d => d.Closed).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    private static bool IsResolved(HandlingRow row) => row.Outcome?.IsResolved() == true;

    /// <summary>Working hours from the (last) routing to the acceptance.</summary>
    private static double? AcceptHours(HandlingRow row, WorkingCalendar calendar) =>
        row is { RoutedAt: { } routed, AcceptedAt: { } accepted } ? calendar.WorkingTimeBetween(routed, accepted).TotalHours : null;

    /// <summary>Working days (of the calendar's working-day length) from the acceptance to the closing.</summary>
    private static double? ResolveDays(HandlingRow row, WorkingCalendar calendar) =>
        row is { AcceptedAt: { } accepted, ClosedAt: { } closed }
            ? calendar.WorkingTimeBetween(accepted, closed) / calendar.WorkingDayLength
            : null;

    private static Mean MeanOf(IEnumerable<double> values)
    {
        var list = values.ToList();
        return new Mean(list.Count, list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero));
    }

    private static double? Percent(int count, int of) =>
        of == 0 ? null : Math.Round(100.0 * count / of, 1, MidpointRounding.AwayFromZero);

    /// <summary>Year-on-year change in percent; n/a (null) when there is nothing to compare with.</summary>
    private static double? Change(int current, int previous) =>
        previous == 0 ? null : Math.Round(100.0 * (current - previous) / previous, 1, MidpointRounding.AwayFromZero);
}
