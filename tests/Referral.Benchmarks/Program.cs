using System.Diagnostics;
using Referral.Benchmarks.Broker;
using Referral.Benchmarks.Bulk;
using Referral.Benchmarks.Infrastructure;
using Referral.Benchmarks.Micro;
using Referral.Benchmarks.Pipeline;
using Referral.Benchmarks.Statistics;
using Referral.Testing;

// dotnet run -c Release --project tests/Referral.Benchmarks [-- --quick] [--out FILE] [--no-micro]
//   -- --micro                  the routing micro-benchmark alone, with BenchmarkDotNet's default job
//   -- --statistics [N] [FILE]  the dashboard's statistics over N cases (docs/statistics.md)
if (args.Length >= 3 && args[0] == "--child") return await BulkChild.RunAsync(args[1], args[2]);
if (args.Length >= 1 && args[0] == "--statistics")
{
    await StatisticsBench.RunAsync(args[1..]);
    return 0;
}
var settings = BenchSettings.Parse(args);
var report = new Report();
if (args.Contains("--micro"))
{
    MicroBench.Run(settings, report, thorough: true);
    report.Print(Console.Out);
    return 0;
}
if (Repository.Configuration != "Release") Console.WriteLine($"warning: built in {Repository.Configuration}; figures are only meaningful with -c Release");

var total = Stopwatch.StartNew();
var data = Path.Combine(Path.GetTempPath(), "referral-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
Directory.CreateDirectory(data);
report.Values["mode"] = settings.Quick ? "quick" : "full";
report.Values["startedAt"] = DateTimeOffset.UtcNow;
report.Values["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(settings.Quick ? 20 : 40));

var sample = SyntheticLoad.Make("SIZE", 1000, seed: 1);
var bodies = sample.Select(r => r.Body).ToList();
var payload = Math.Round(bodies.Average(b => b.Length));
report.Values["payloadBytes"] = payload;
Console.WriteLine($"payload: the dispatch client's synthetic referrals, {payload} bytes on average");

var baseline = new BaselineFigures(double.NaN, null, null, null);
if (settings.Runs("baseline"))
{
    await using var vhost = await RabbitMqVirtualHost.CreateAsync("referral-bench-baseline");
    Console.WriteLine($"baseline: raw RabbitMQ, {settings.BaselineMessages:N0} messages (vhost {vhost.Name})");
    var broker = new BrokerBaseline(vhost.AmqpUri);
    var rate = await broker.ThroughputAsync(bodies, settings.BaselineMessages, cancel.Token);
    var latencies = await broker.LatencyAsync(bodies, settings.LatencyRate, settings.BaselineLatencySeconds, cancel.Token);
    baseline = new BaselineFigures(rate, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99), Percentiles.Of(latencies, 99.9));
    report.Values["baselineLatencyP50Ms"] = baseline.LatencyP50Ms;
    report.Values["baselineLatencyP99Ms"] = baseline.LatencyP99Ms;
    report.Values["baselineLatencyP999Ms"] = baseline.LatencyP999Ms;
    Console.WriteLine($"baseline: {rate:0} messages/s; latency p50 {baseline.LatencyP50Ms} ms, p99 {baseline.LatencyP99Ms} ms at {settings.LatencyRate}/s");
}
if (settings.Runs("pipeline")) await new PipelineBench(settings, report).RunAsync(Path.Combine(data, "pipeline"), baseline, cancel.Token);
if (settings.Runs("bulk")) await new BulkBench(settings, report).RunAsync(Directory.CreateDirectory(Path.Combine(data, "bulk")).FullName, cancel.Token);
if (settings.Runs("micro") && settings.Micro) MicroBench.Run(settings, report, thorough: false);

report.Values["totalSeconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
Console.WriteLine();
Console.WriteLine($"Referral benchmark ({report.Values["mode"]}, {report.Values["machine"]}), {total.Elapsed.TotalSeconds:0} s in all");
report.Print(Console.Out);
await report.WriteJsonAsync(settings.OutputPath);
Console.WriteLine($"figures written to {settings.OutputPath}; the service's log and the databases are in {data}");
return 0;
