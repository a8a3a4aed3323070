using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Benchmarks.Infrastructure;
using Referral.Service.Digests;
using Referral.Service.Escalation;
using Referral.Testing;

namespace Referral.Benchmarks.Bulk;

/// <summary>What a child process measured; its memory is its own, from the host's start.</summary>
internal sealed record ChildResult(double Seconds, double? SecondRunSeconds, int Evaluated, int Changed, double? RssBeforeMb, double? PeakRssMb, string Detail);

/// <summary>
/// <c>--child sweep|digest DATABASE</c>: the service hosted in its own process on the seeded file
/// (in-memory bus, scheduled jobs off so that only the measured work runs), the real
/// <see cref="EscalationSweep"/> or <see cref="DigestService"/> taken from its container and timed.
/// The result is printed as one line <c>RESULT {json}</c>.
/// </summary>
internal static class BulkChild
{
    public const string Never = "0 0 0 1 1 ? 2099";

    public static IReadOnlyDictionary<string, string?> Settings(string database) => new Dictionary<string, string?>
    {
        ["Database:ConnectionString"] = $"Data Source={database}",
        ["Scheduling:EscalationSweepCron"] = Never,
        ["Scheduling:DigestCron"] = Never,
        ["Scheduling:HousekeepingCron"] = Never,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Referral.Service.Escalation"] = "Information",
    };

    public static async Task<int> RunAsync(string what, string database)
    {
        Repository.PointTestHostAtService();
        await using var app = new ReferralApp(new ReferralAppOptions { TestHarness = false, Settings = Settings(database) });
        await app.StartAsync();
        var before = ProcessMemory.CurrentMb(Environment.ProcessId);
        var result = what switch
        {
            "sweep" => await SweepAsync(app),
            "digest" => await DigestAsync(app),
            _ => throw new ArgumentException($"unknown child work '{what}'"),
        };
        result = result with { RssBeforeMb = before, PeakRssMb = ProcessMemory.PeakMb(Environment.ProcessId) };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<ChildResult> SweepAsync(ReferralApp app)
    {
        var sweep = app.Services.GetRequiredService<EscalationSweep>();
        var watch = Stopwatch.StartNew();
        var report = await sweep.RunAsync(CancellationToken.None);
        var first = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await sweep.RunAsync(CancellationToken.None);
        return new ChildResult(first, watch.Elapsed.TotalSeconds, report.Evaluated, report.Escalated + report.Warned + report.ToSupervisors, null, null,
            report.ToString());
    }

    private static async Task<ChildResult> DigestAsync(ReferralApp app)
    {
        var schedule = app.Services.GetRequiredService<CaseSchedule>();
        var today = schedule.Deadlines.Calendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        IReadOnlyList<RenderedDigest> digests;
        await using (var scope = app.Services.CreateAsyncScope())
            digests = await scope.ServiceProvider.GetRequiredService<DigestService>().RenderAsync(DigestKind.Daily, today, CancellationToken.None);
        var first = watch.Elapsed.TotalSeconds;
        watch.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DigestService>().RenderAsync(DigestKind.Daily, today, CancellationToken.None);
        var html = digests.Sum(d => (long)d.Html.Length);
        return new ChildResult(first, watch.Elapsed.TotalSeconds, digests.Count, 0, null, null,
            $"{digests.Count} daily digests for {today}, {html / 1024 / 1024} MB of HTML");
    }
}
