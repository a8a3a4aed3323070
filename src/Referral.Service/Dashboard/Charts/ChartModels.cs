using System.Globalization;

namespace Referral.Service.Dashboard.Charts;

/// <summary>One bar: its label, its value, and optionally its own fill (the warning colors).</summary>
public sealed record BarItem(string Label, double Value, string? Fill = null);

/// <summary>How a series is told apart without its color: fill pattern for columns, dash and marker for lines.</summary>
public enum SeriesLook
{
    Solid,
    Hatched,
    Dotted,
    Dashed,
}

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string Color, SeriesLook Look = SeriesLook.Solid);

/// <summary>A category on the horizontal axis: the label, and a second line (the year) where it changes.</summary>
public sealed record AxisLabel(string Text, string? Second = null, string? Full = null)
{
    /// <summary>"4月" under every month, "2026年" under the first and under each January.</summary>
    public static IReadOnlyList<AxisLabel> Months(IEnumerable<string> months) =>
        months.Select((m, i) =>
        {
            var month = DateOnly.ParseExact(m, "yyyy-MM", CultureInfo.InvariantCulture);
            var full = $"{month.Year}年{month.Month}月";
            return new AxisLabel($"{month.Month}月", i == 0 || month.Month == 1 ? $"{month.Year}年" : null, full);
        }).ToList();
}

/// <summary>Axis arithmetic and number text shared by the charts (SVG wants invariant numbers).</summary>
public static class ChartMath
{
    /// <summary>A round top for a count axis and the whole step between its ticks (1, 2, 5 × 10ⁿ, or 2.5 × 10ⁿ from 25).</summary>
    public static (double Top, double Step) NiceScale(double max, int ticks = 5)
    {
        if (max <= 0) return (ticks, 1);
        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = Math.Max(1, new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw));
        if (step % 1 != 0) step = Math.Ceiling(step);
        return (Math.Ceiling(max / step) * step, step);
    }

    public static IEnumerable<double> Ticks(double top, double step)
    {
        for (var v = 0.0; v <= top + step / 1000; v += step) yield return v;
    }

    /// <summary>A coordinate for an SVG attribute.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as people read it: "1,234", "2.5".</summary>
    public static string Show(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>Long names shortened for an axis; the full name stays in the bar's title and the table.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
