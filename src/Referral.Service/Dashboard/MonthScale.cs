namespace Referral.Service.Dashboard;

/// <summary>
/// The months of a period as UTC instants, to sort instants into months in memory: the database keeps
/// instants in a form it can compare but not take apart (SQLite's binary ticks), so grouping by month
/// happens here, on the few columns projected.
/// </summary>
public sealed class MonthScale
{
    private readonly long[] _boundaries;

    public MonthScale(StatisticsPeriod period, TimeZoneInfo zone)
    {
        Period = period;
        _boundaries = period.Months.Append(period.To.AddMonths(1)).Select(m => StatisticsPeriod.StartOf(m, zone).UtcTicks).ToArray();
    }

    public StatisticsPeriod Period { get; }
    public int Count => _boundaries.Length - 1;
    public DateTimeOffset Start => new(_boundaries[0], TimeSpan.Zero);
    public DateTimeOffset End => new(_boundaries[^1], TimeSpan.Zero);

    /// <summary>The index of the month holding <paramref name="at"/>, or -1 outside the period.</summary>
    public int IndexOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        if (ticks < _boundaries[0] || ticks >= _boundaries[^1]) return -1;
        var i = Array.BinarySearch(_boundaries, ticks);
        return i >= 0 ? i : ~i - 1;
    }

    public int[] Tally(IEnumerable<DateTimeOffset> instants)
    {
        var counts = new int[Count];
        foreach (var at in instants)
        {
            var i = IndexOf(at);
            if (i >= 0) counts[i]++;
        }
        return counts;
    }
}
