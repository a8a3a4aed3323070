using System.CommandLine;
using Referral.Dispatch.Csv;
using Referral.Dispatch.Import;
using Referral.Dispatch.Output;
using Referral.Dispatch.State;
using Spectre.Console;

namespace Referral.Dispatch.Commands;

/// <summary><c>import FILE.csv</c>: past incidents from a CSV, resumable through a state file next to it.</summary>
internal static class ImportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("FILE.csv") { Description = "Incidents, one per row (see README for the columns)" };
        var restart = new Option<bool>("--restart") { Description = "Forget earlier runs of this file and send every row again" };
        var command = new Command("import", "Import past incidents from a CSV file; a second run resumes where the first stopped") { file, restart };
        CommonOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(console, parse, parse.GetRequiredValue(file), parse.GetValue(restart), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, ParseResult parse, FileInfo file, bool restart, CancellationToken cancellationToken)
    {
        IReadOnlyList<CsvRow> rows;
        try
        {
            rows = ReferralCsvReader.ReadFile(file.FullName);
        }
        catch (Exception ex) when (ex is CsvSchemaException or IOException or UnauthorizedAccessException or CsvHelper.CsvFormatException)
        {
            console.MarkupLineInterpolated($"[red]{file.Name}: {ex.Message}[/]");
            return ExitCodes.Error;
        }

        using var state = ImportState.Open(file.FullName, restart);
        if (state.UnreadableLines > 0)
            console.MarkupLineInterpolated($"[yellow]Ignored {state.UnreadableLines} unreadable line(s) of {state.Path} (a run killed while writing); those rows are sent again.[/]");
        var run = new ImportRun(state, TimeProvider.System);
        var via = parse.GetValue(CommonOptions.Via);
        ImportReport? report = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{rows.Count} rows via {via.ToString().ToLowerInvariant()}", autoStart: true, maxValue: 1);
                report = await run.RunAsync(rows, parse.GetRequiredValue(CommonOptions.Station),
                    ct => CommonOptions.OpenDoorAsync(parse, maxInFlight: 1000, ct), CommonOptions.AnswerTimeout(parse),
                    toSend: n => task.MaxValue = Math.Max(n, 1), answered: () => task.Increment(1), cancellationToken);
                if (!report.Interrupted) task.Value = task.MaxValue;
            });
        ImportSummary.Show(console, report!, state.Path);
        return report!.ExitCode;
    }
}
