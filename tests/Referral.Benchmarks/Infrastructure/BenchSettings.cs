namespace Referral.Benchmarks.Infrastructure;

/// <summary>How much of each measurement to do: the full run (under 10 minutes) or the quick subset (about 2).</summary>
internal sealed record BenchSettings
{
    public required bool Quick { get; init; }
    public required string OutputPath { get; init; }
    public required bool Micro { get; init; }

    /// <summary><c>--only baseline,pipeline,bulk,micro</c>: some sections alone (while working on one); all by default.</summary>
    public required IReadOnlySet<string> Sections { get; init; }

    public bool Runs(string section) => Sections.Contains(section);

    /// <summary>Raw broker messages for the baseline rate.</summary>
    public int BaselineMessages => Quick ? 10_000 : 40_000;

    /// <summary>Referrals published as fast as possible for the pipeline's rate.</summary>
    public int ThroughputReferrals => Quick ? 5_000 : 20_000;

    public int WarmupReferrals => Quick ? 300 : 1_000;

    public double LatencyRate => 100;
    public int LatencySeconds => Quick ? 15 : 60;
    public double HttpRate => 200;
    public int HttpSeconds => Quick ? 10 : 30;

    /// <summary>Baseline latency: raw broker at the same open-loop rate, for a shorter time.</summary>
    public int BaselineLatencySeconds => Quick ? 10 : 20;

    /// <summary>Cases seeded into SQLite for the escalation sweep; a tenth of them open (the digests' cases).</summary>
    public int BulkCases => Quick ? 200_000 : 1_000_000;

    public int OpenShareOfBulk => 10;

    /// <summary>One open case in this many came due for its next escalation check since the last sweep.</summary>
    public int DueShareOfOpen => 10;
    public int Departments => 200;

    public static BenchSettings Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var outIndex = Array.IndexOf(args, "--out");
        var onlyIndex = Array.IndexOf(args, "--only");
        var sections = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',') : ["baseline", "pipeline", "bulk", "micro"];
        return new BenchSettings
        {
            Quick = quick,
            Micro = !args.Contains("--no-micro"),
            Sections = sections.ToHashSet(),
            OutputPath = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : "bench-results.json"),
        };
    }
}
