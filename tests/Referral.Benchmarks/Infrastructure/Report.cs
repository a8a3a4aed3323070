using System.Globalization;
using System.Text.Json;

namespace Referral.Benchmarks.Infrastructure;

/// <summary>One printed figure: its value, the goal of issue 9, and the baseline measured in the same run.</summary>
internal sealed record Figure(string Name, double? Value, string Unit, string Goal, bool? Met, double? Baseline, string BaselineName, double? Ratio);

/// <summary>The figures as a table on stdout and as JSON (flat keys for programs, the rows for people).</summary>
internal sealed class Report
{
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];

    public Dictionary<string, object?> Values { get; } = new();

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: {Format(figure.Value)} {figure.Unit}" + (figure.Baseline is null ? "" : $" (baseline {Format(figure.Baseline)} {figure.Unit})"));
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public void Print(TextWriter output)
    {
        var rows = _figures.Select(f => new[]
        {
            f.Name, Format(f.Value) + (f.Value is null ? "" : " " + f.Unit), f.Goal,
            f.Met switch { true => "yes", false => "NO", null => "" },
            f.Baseline is null ? "" : $"{Format(f.Baseline)} {f.Unit} ({f.BaselineName})",
            f.Ratio is null ? "" : f.Ratio.Value.ToString("0.00", CultureInfo.InvariantCulture),
        }).Prepend(["figure", "value", "goal", "met", "baseline (same run)", "ratio"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(i => rows.Max(r => Width(r[i]))).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join(" | ", row.Select((cell, i) => cell + new string(' ', widths[i] - Width(cell)))).TrimEnd());
            if (index == 0) output.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        }
        foreach (var note in _notes) output.WriteLine($"* {note}");
    }

    public async Task WriteJsonAsync(string path)
    {
        var document = new Dictionary<string, object?>(Values)
        {
            ["figures"] = _figures,
            ["notes"] = _notes,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
    }

    private static string Format(double? value) => value switch
    {
        null => "n/a",
        >= 100 => value.Value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>CJK characters take two columns in a terminal.</summary>
    private static int Width(string s) => s.Sum(c => c > 0x2E80 ? 2 : 1);
}
