using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Benchmarks.Infrastructure;
using Referral.Data;
using Referral.Service.Calendar;
using Referral.Service.Escalation;
using Referral.Testing;

namespace Referral.Benchmarks.Bulk;

/// <summary>
/// The escalation sweep over many seeded cases and the daily digests of the open ones: one SQLite
/// file (a tenth of the cases open, across the handling departments), each measured in a child
/// process of its own so that its memory is its own.
/// </summary>
internal sealed class BulkBench(BenchSettings settings, Report report)
{
    public async Task RunAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var database = Path.Combine(dataDirectory, "bulk.db");
        Console.WriteLine($"bulk: seeding {settings.BulkCases:N0} cases into {database}");
        await SeedTemplatesAsync(database);
        var departments = await BulkCases.AddDepartmentsAsync(database, settings.Departments);
        var seconds = await BulkCases.CloneAsync(database, settings.BulkCases, departments, settings.DueShareOfOpen);
        var (cases, open, due) = await BulkCases.CountAsync(database);
        Console.WriteLine($"bulk: {cases:N0} cases ({open:N0} open, {due:N0} due for an escalation check) across {departments.Count} departments in {seconds:0.0} s");
        report.Values["bulkCases"] = cases;
        report.Values["bulkOpenCases"] = open;
        report.Values["bulkDueCases"] = due;
        report.Values["bulkDepartments"] = departments.Count;
        report.Values["bulkSeedSeconds"] = Math.Round(seconds, 1);

        var sweep = await ChildAsync("sweep", database, cancellationToken);
        report.Values["sweepSeconds"] = Math.Round(sweep.Seconds, 2);
        report.Values["sweepSecondRunSeconds"] = Math.Round(sweep.SecondRunSeconds ?? 0, 2);
        report.Values["sweepEvaluated"] = sweep.Evaluated;
        report.Values["sweepPeakRssMb"] = sweep.PeakRssMb;
        report.Values["sweepRssBeforeMb"] = sweep.RssBeforeMb;
        report.Add(new Figure($"escalation sweep ({cases:N0} cases, {sweep.Evaluated:N0} due)", sweep.Seconds, "s", "≤ 10 s", sweep.Seconds <= 10,
            null, "", sweep.Seconds / 10));
        report.Add(new Figure("escalation sweep, process peak RSS", sweep.PeakRssMb, "MB", "≤ 256 MB", sweep.PeakRssMb <= 256,
            sweep.RssBeforeMb, "host before the sweep", sweep.PeakRssMb / 256));
        report.Add(new Figure("escalation sweep, second run (nothing due)", sweep.SecondRunSeconds, "s", "", null, null, "", null));
        report.Note($"sweep: {sweep.Detail}");

        var digest = await ChildAsync("digest", database, cancellationToken);
        report.Values["digestSeconds"] = Math.Round(digest.Seconds, 2);
        report.Values["digestSecondRunSeconds"] = Math.Round(digest.SecondRunSeconds ?? 0, 2);
        report.Values["digestPeakRssMb"] = digest.PeakRssMb;
        report.Add(new Figure($"daily digests ({open:N0} open cases, {digest.Evaluated} departments)", digest.Seconds, "s", "≤ 5 s", digest.Seconds <= 5,
            null, "", digest.Seconds / 5));
        report.Add(new Figure("daily digests, second run (warm)", digest.SecondRunSeconds, "s", "", null, null, "", null));
        report.Note($"digests: {digest.Detail}; the digest process peaked at {digest.PeakRssMb} MB");
    }

    /// <summary>The schema, the demo reference data and the template cases, through the service itself.</summary>
    private async Task SeedTemplatesAsync(string database)
    {
        Repository.PointTestHostAtService();
        await using var app = new ReferralApp(new ReferralAppOptions { Settings = BulkChild.Settings(database) });
        await app.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await TemplateCases.AddAsync(scope.ServiceProvider.GetRequiredService<ReferralDbContext>(), app.Services.GetRequiredService<CaseSchedule>(),
            app.Services.GetRequiredService<CalendarProvider>(), "fulian", settings.OpenShareOfBulk, DateTimeOffset.UtcNow);
        // Swept once, as the service's five-minute job would have: what is due later is what came due since.
        await app.Services.GetRequiredService<EscalationSweep>().RunAsync(CancellationToken.None);
    }

    private static async Task<ChildResult> ChildAsync(string what, string database, CancellationToken cancellationToken)
    {
        Console.WriteLine($"bulk: {what} in a child process");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(BulkBench).Assembly.Location, "--child", what, database }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"the {what} child printed no result (exit {process.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<ChildResult>(line["RESULT ".Length..])!;
    }
}
