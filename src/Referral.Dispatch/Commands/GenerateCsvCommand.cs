using System.CommandLine;
using System.Globalization;
using Referral.Dispatch.Csv;
using Referral.Dispatch.Synthetic;
using Spectre.Console;

namespace Referral.Dispatch.Commands;

/// <summary><c>generate-csv</c>: a CSV of invented past incidents in the import schema, optionally with some broken rows.</summary>
internal static class GenerateCsvCommand
{
    private const int MaxPrefixLength = 32;

    public static Command Create(IAnsiConsole console)
    {
        var count = new Option<int>("--count") { Description = "How many incident rows", Required = true };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() is <= 0 or > 9_999_999) r.AddError("--count must be between 1 and 9999999"); });
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write (overwritten)", Required = true };
        var invalid = new Option<int>("--invalid") { Description = "How many rows to spoil on purpose (bad phone, bad ID check digit, unknown dispute type, future date, unreadable amount)" };
        var prefix = new Option<string>("--prefix")
        {
            Description = "Incident number prefix (default: CSV and the UTC time)",
            DefaultValueFactory = _ => "CSV" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        };
        prefix.Validators.Add(r => { if (SyntheticOptions.PrefixProblem(r.GetValueOrDefault<string>(), MaxPrefixLength) is { } p) r.AddError(p); });
        var station = new Option<string>("--station") { Description = "Station code written in every row", DefaultValueFactory = _ => "gutang" };
        var seed = SyntheticOptions.Seed();
        var command = new Command("generate-csv", "Write a CSV of synthetic past incidents for the import command")
        {
            count, output, invalid, prefix, station, seed,
        };
        command.Validators.Add(r =>
        {
            var n = r.GetValue(count);
            if (r.GetValue(invalid) is var k && (k < 0 || k > n)) r.AddError("--invalid must be between 0 and --count");
        });
        command.SetAction(parse => Run(console, parse.GetValue(count), parse.GetRequiredValue(output), parse.GetValue(invalid),
            parse.GetRequiredValue(prefix), parse.GetRequiredValue(station), parse.GetValue(seed)));
        return command;
    }

    private static int Run(IAnsiConsole console, int count, FileInfo output, int invalid, string prefix, string station, int seed)
    {
        var time = TimeProvider.System;
        // Past incidents: up to a year back, the span a station would import when it joins.
        var generator = new SyntheticReferrals(seed, time, TimeSpan.FromDays(365));
        var rows = Enumerable.Range(1, count).ToArray();
        new Random(seed ^ 0x5EED).Shuffle(rows);
        var spoiled = rows.Take(invalid).Order().Select((n, i) => (n, Kind: (DefectKind)(i % Enum.GetValues<DefectKind>().Length)))
            .ToDictionary(x => x.n, x => x.Kind);
        try
        {
            using (var stream = output.Create())
            using (var writer = new ReferralCsvWriter(stream))
            {
                for (var n = 1; n <= count; n++)
                {
                    var referral = generator.Next(SyntheticOptions.IncidentNumber(prefix, n), station);
                    if (spoiled.TryGetValue(n, out var kind))
                    {
                        var (bad, cells) = Defects.Apply(kind, referral, time.GetUtcNow());
                        writer.Write(bad, cells);
                    }
                    else
                    {
                        writer.Write(referral);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]cannot write {output.FullName}: {ex.Message}[/]");
            return ExitCodes.Error;
        }
        console.MarkupLineInterpolated($"Wrote {count} incidents to {output.FullName} (seed {seed}, incidents {prefix}-0000001 …).");
        // Row numbers as a spreadsheet shows them: the header is row 1.
        foreach (var (n, kind) in spoiled)
            console.MarkupLineInterpolated($"[yellow]  row {n + 1} ({SyntheticOptions.IncidentNumber(prefix, n)}): {kind}[/]");
        return ExitCodes.Ok;
    }
}
