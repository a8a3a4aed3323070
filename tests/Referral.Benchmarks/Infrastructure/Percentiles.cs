namespace Referral.Benchmarks.Infrastructure;

internal static class Percentiles
{
    /// <summary>Nearest rank, as the dispatch client computes its own figures.</summary>
    public static double? Of(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0) return null;
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}
