using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Referral.Benchmarks.Infrastructure;
using Referral.Dispatch.Bus;
using Referral.Dispatch.Http;
using Referral.Dispatch.Load;
using Referral.Dispatch.Referrals;
using Referral.Testing;

namespace Referral.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline, with the dispatch client's load run in this process and the service in its own:
/// throughput (as fast as possible), latency (open loop on the bus) and HTTP intake latency (open loop).
/// Latency on the bus is measured to the answer (<c>ReferralAccepted</c>), which the outbox relay
/// publishes after the case's transaction committed: commit latency plus the relay's hop.
/// </summary>
internal sealed class PipelineBench(BenchSettings settings, Report report)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(60);
    private readonly string _prefix = "B" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);

    public async Task RunAsync(string dataDirectory, BaselineFigures baseline, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        await using var vhost = await RabbitMqVirtualHost.CreateAsync("referral-bench");
        Console.WriteLine($"pipeline: starting the service (vhost {vhost.Name}, data {dataDirectory})");
        await using var service = await ServiceProcess.StartAsync(dataDirectory, vhost.Name, cancellationToken);
        report.Values["serviceStartRssMb"] = ProcessMemory.CurrentMb(service.Pid);

        await using (var door = await BusDoor.ConnectAsync(new Uri(vhost.AmqpUri), "referral.incoming", 1000, cancellationToken))
        {
            var warmup = await LoadAsync(door, "W", settings.WarmupReferrals, rate: null, cancellationToken);
            Console.WriteLine($"pipeline: warm-up of {warmup.Created} referrals took {warmup.AnswerElapsedSeconds} s");
            await ThroughputAsync(door, service, baseline, cancellationToken);
            await LatencyAsync(door, baseline, cancellationToken);
        }
        await HttpAsync(service, cancellationToken);
        report.Values["peakRssMbWholeRun"] = service.PeakRssMb();
    }

    private async Task ThroughputAsync(BusDoor door, ServiceProcess service, BaselineFigures baseline, CancellationToken cancellationToken)
    {
        var count = settings.ThroughputReferrals;
        Console.WriteLine($"pipeline: throughput, {count:N0} referrals as fast as the broker confirms");
        var cpuBefore = service.CpuSeconds();
        var figures = await LoadAsync(door, "T", count, rate: null, cancellationToken);
        var cpu = service.CpuSeconds() - cpuBefore;
        var peakRss = service.PeakRssMb();
        var (cases, unpublished) = await CountAsync(service.DatabasePath, $"{_prefix}T-");
        var rate = figures.AnswerElapsedSeconds is > 0 ? Math.Round(figures.Created!.Value / figures.AnswerElapsedSeconds.Value, 1) : 0;
        report.Values["throughputPerSecond"] = rate;
        report.Values["throughputReferrals"] = count;
        report.Values["throughputCreated"] = figures.Created;
        report.Values["throughputCasesInDatabase"] = cases;
        report.Values["outboxUnpublishedAfterThroughput"] = unpublished;
        report.Values["throughputPublishSeconds"] = figures.ElapsedSeconds;
        report.Values["throughputSeconds"] = figures.AnswerElapsedSeconds;
        report.Values["baselinePerSecond"] = Math.Round(baseline.PerSecond, 1);
        report.Values["throughputRatio"] = Math.Round(rate / baseline.PerSecond, 3);
        report.Values["peakRssMb"] = peakRss;
        var cpuPerReferral = cpu is { } c ? Math.Round(c * 1000 / count, 2) : (double?)null;
        report.Values["serviceCpuMsPerReferral"] = cpuPerReferral;
        report.Values["serviceCpuSecondsThroughput"] = cpu;
        report.Add(new Figure("throughput (referral → case + CaseRouted)", rate, "/s", "≥ 0.5 × baseline", rate >= baseline.PerSecond / 2,
            baseline.PerSecond, "raw RabbitMQ", rate / baseline.PerSecond));
        report.Add(new Figure("service CPU per referral (throughput run)", cpuPerReferral, "ms", "", null, null, "", null));
        report.Add(new Figure("service peak RSS (throughput run)", peakRss, "MB", "≤ 300 MB", peakRss <= 300, null, "", peakRss / 300));
        if (cases != count || figures.Created != count)
            report.Note($"throughput: {figures.Created} created answers and {cases} cases in the database for {count} referrals sent");
        if (unpublished > 0) report.Note($"throughput: {unpublished} outbox rows still unpublished when the last answer came");
    }

    private async Task LatencyAsync(BusDoor door, BaselineFigures baseline, CancellationToken cancellationToken)
    {
        var count = (int)(settings.LatencyRate * settings.LatencySeconds);
        Console.WriteLine($"pipeline: latency, {settings.LatencyRate}/s for {settings.LatencySeconds} s on the bus");
        var figures = await LoadAsync(door, "L", count, settings.LatencyRate, cancellationToken);
        report.Values["latencyP50Ms"] = figures.AnswerP50Ms;
        report.Values["latencyP99Ms"] = figures.AnswerP99Ms;
        report.Values["latencyP999Ms"] = figures.AnswerP999Ms;
        report.Values["latencyMaxSendLagMs"] = figures.MaxLagMs;
        report.Add(new Figure($"bus latency p50 ({settings.LatencyRate}/s, to answer)", figures.AnswerP50Ms, "ms", "", null,
            baseline.LatencyP50Ms, "raw RabbitMQ", figures.AnswerP50Ms / baseline.LatencyP50Ms));
        report.Add(new Figure($"bus latency p99 ({settings.LatencyRate}/s, to answer)", figures.AnswerP99Ms, "ms", "≤ 100 ms", figures.AnswerP99Ms <= 100,
            baseline.LatencyP99Ms, "raw RabbitMQ", figures.AnswerP99Ms / baseline.LatencyP99Ms));
        report.Add(new Figure($"bus latency p99.9 ({settings.LatencyRate}/s, to answer)", figures.AnswerP999Ms, "ms", "", null,
            baseline.LatencyP999Ms, "raw RabbitMQ", figures.AnswerP999Ms / baseline.LatencyP999Ms));
        if (figures.Created != count) report.Note($"latency: {figures.Created} of {count} referrals answered as created");
    }

    private async Task HttpAsync(ServiceProcess service, CancellationToken cancellationToken)
    {
        var count = (int)(settings.HttpRate * settings.HttpSeconds);
        Console.WriteLine($"pipeline: HTTP intake, {settings.HttpRate}/s for {settings.HttpSeconds} s");
        var healthP99 = await HealthBaselineAsync(service.Address, settings.HttpRate, settings.HttpSeconds / 2, cancellationToken);
        await using var door = new HttpDoor(service.Address, "demo-gutang-key", TimeSpan.FromSeconds(60), 64);
        var figures = await LoadAsync(door, "H", count, settings.HttpRate, cancellationToken);
        report.Values["httpP50Ms"] = figures.AnswerP50Ms;
        report.Values["httpP99Ms"] = figures.AnswerP99Ms;
        report.Values["httpBaselineP99Ms"] = healthP99;
        report.Add(new Figure($"HTTP intake p99 ({settings.HttpRate}/s)", figures.AnswerP99Ms, "ms", "≤ 25 ms", figures.AnswerP99Ms <= 25,
            healthP99, "GET /health/live", figures.AnswerP99Ms / healthP99));
        if (figures.Created != count) report.Note($"http: {figures.Created} of {count} referrals answered 201 Created");
    }

    private async Task<LoadFigures> LoadAsync(IReferralDoor door, string run, int count, double? rate, CancellationToken cancellationToken)
    {
        var referrals = SyntheticLoad.Make(_prefix + run, count, seed: run[0]);
        var figures = new LoadFigures { Via = door is HttpDoor ? "http" : "bus", Count = count, Rate = rate, Prefix = _prefix + run, Seed = run[0] };
        return await new LoadRun(door, referrals, rate).RunAsync(figures, wait: true, Quiet, cancellationToken);
    }

    /// <summary>The same open loop against an endpoint that does nothing: what HTTP itself costs here.</summary>
    private static async Task<double?> HealthBaselineAsync(Uri address, double rate, int seconds, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = address };
        var count = (int)(rate * seconds);
        var latencies = new double[count];
        var start = Stopwatch.GetTimestamp();
        var requests = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var scheduled = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            var early = due - Stopwatch.GetElapsedTime(start);
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early, cancellationToken);
            var index = i;
            requests.Add(Task.Run(async () =>
            {
                using var response = await http.GetAsync("health/live", cancellationToken);
                latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            }, cancellationToken));
        }
        await Task.WhenAll(requests);
        return Percentiles.Of(latencies, 99);
    }

    private static async Task<(long Cases, long Unpublished)> CountAsync(string database, string incidentPrefix)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var cases = connection.CreateCommand();
        cases.CommandText = "SELECT COUNT(*) FROM Cases WHERE IncidentNumber LIKE $prefix || '%'";
        cases.Parameters.AddWithValue("$prefix", incidentPrefix);
        await using var outbox = connection.CreateCommand();
        outbox.CommandText = "SELECT COUNT(*) FROM Outbox WHERE PublishedAt IS NULL";
        return ((long)(await cases.ExecuteScalarAsync())!, (long)(await outbox.ExecuteScalarAsync())!);
    }
}

/// <summary>The raw broker's figures, measured first in the same run.</summary>
internal sealed record BaselineFigures(double PerSecond, double? LatencyP50Ms, double? LatencyP99Ms, double? LatencyP999Ms);
