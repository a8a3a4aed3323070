using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Service.Calendar;
using Referral.Service.Identity;

namespace Referral.Service.Dashboard;

/// <summary>The dashboard's figures as JSON, and each chart as a CSV file; for the center's overview only.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        var statistics = app.MapGroup("/api/statistics").WithTags("Statistics").RequireAuthorization(Policies.Oversight);
        statistics.MapGet("/summary", SummaryAsync)
            .WithSummary("Every figure of the dashboard for from..to (yyyy-MM, Asia/Shanghai months; default the last 12 months); definitions in docs/statistics.md");
        statistics.MapGet("/{chart}.csv", CsvAsync)
            .WithSummary("One chart as CSV (UTF-8 with BOM): headline, monthly, trend, dispute-types, departments, stations, colors, outcomes");
        return app;
    }

    private static async Task<Results<Ok<StatisticsReport>, ValidationProblem>> SummaryAsync(string? from, string? to,
        Statistics statistics, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!StatisticsPeriod.TryParse(from, to, now, calendars.Current.TimeZone, out var period, out var errors))
            return Invalid(errors);
        return TypedResults.Ok(await statistics.ComputeAsync(period, now, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CsvAsync(string chart, string? from, string? to,
        Statistics statistics, CalendarProvider calendars, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!StatisticsCsv.Exists(chart))
            return TypedResults.Problem($"没有名为 {chart} 的图表 (no such chart); 可选 (one of): {string.Join(", ", StatisticsCsv.Charts)}",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown chart");
        var now = time.GetUtcNow();
        if (!StatisticsPeriod.TryParse(from, to, now, calendars.Current.TimeZone, out var period, out var errors))
            return Invalid(errors);
        var report = await statistics.ComputeAsync(period, now, cancellationToken);
        return TypedResults.File(StatisticsCsv.Write(chart, report), "text/csv; charset=utf-8",
            $"referral-{chart.ToLowerInvariant()}-{report.From}-{report.To}.csv");
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The period is invalid.", type: "https://referral.local/problems/invalid-request");
}
