namespace Referral.Dispatch.Load;

/// <summary>The figures of one load run, printed as a table and, with <c>--json</c>, as one JSON line.</summary>
internal sealed record LoadFigures
{
    public required string Via { get; init; }
    public required int Count { get; init; }
    public double? Rate { get; init; }
    public required string Prefix { get; init; }
    public required int Seed { get; init; }

    /// <summary>Referrals handed to the door (publish or request started).</summary>
    public int Sent { get; init; }

    /// <summary>Confirmed by the broker (bus) or answered with a response (http).</summary>
    public int Confirmed { get; init; }

    /// <summary>Nacked, returned, refused or lost with the connection.</summary>
    public int Failed { get; init; }

    /// <summary>Sends repeated after a lost connection (the same message id; the service keeps one case).</summary>
    public int Resent { get; init; }

    /// <summary>From the first scheduled send to the last confirm.</summary>
    public double ElapsedSeconds { get; init; }

    public double AchievedRate { get; init; }

    /// <summary>How far the sender fell behind its schedule at worst (open loop: a slow broker shows here and in the latencies).</summary>
    public double MaxLagMs { get; init; }

    public double? ConfirmP50Ms { get; init; }
    public double? ConfirmP99Ms { get; init; }

    /// <summary>Whether answers were awaited (always over http, where the response is the answer).</summary>
    public bool Waited { get; init; }

    public int? Created { get; init; }
    public int? Duplicate { get; init; }
    public int? Amended { get; init; }
    public int? Rejected { get; init; }
    public int? Unanswered { get; init; }

    /// <summary>From each referral's scheduled send time to its answer, so that a late sender does not hide latency.</summary>
    public double? AnswerP50Ms { get; init; }

    public double? AnswerP99Ms { get; init; }

    public double? AnswerP999Ms { get; init; }

    /// <summary>From the first scheduled send to the last answer.</summary>
    public double? AnswerElapsedSeconds { get; init; }

    /// <summary>Nearest-rank percentile; null for no samples.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
