using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Referral.Benchmarks.Infrastructure;

namespace Referral.Benchmarks.Micro;

/// <summary>
/// BenchmarkDotNet in this process (no generated project to build), with a short job so that the
/// whole run stays within its ten minutes; <c>--micro</c> alone runs BenchmarkDotNet's default job.
/// </summary>
internal static class MicroBench
{
    public static void Run(BenchSettings settings, Report report, bool thorough)
    {
        var job = thorough ? Job.Default : Job.ShortRun.WithWarmupCount(settings.Quick ? 1 : 3).WithIterationCount(settings.Quick ? 3 : 5);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "referral-bench-artifacts"));
        var summary = BenchmarkRunner.Run<RoutingBenchmarks>(config);
        foreach (var result in summary.Reports)
        {
            var name = result.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var micros = result.ResultStatistics is { } s ? Math.Round(s.Mean / 1000, 2) : (double?)null;
            var allocated = result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase);
            report.Values[$"routing{name}Microseconds"] = micros;
            report.Add(new Figure($"routing, 1,000 rules: {name}", micros, "µs", "", null, null, "", null));
            if (allocated is { } bytes) report.Values[$"routing{name}AllocatedBytes"] = bytes;
        }
    }
}
