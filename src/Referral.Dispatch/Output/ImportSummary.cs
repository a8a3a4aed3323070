using Referral.Dispatch.Import;
using Referral.Dispatch.Referrals;
using Spectre.Console;

namespace Referral.Dispatch.Output;

/// <summary>The end of an import: counts per outcome, then the rows that need a person's attention, by row and incident number.</summary>
internal static class ImportSummary
{
    private const int MaxListed = 30;

    public static void Show(IAnsiConsole console, ImportReport report, string statePath)
    {
        var table = new Table().Title("Import summary").AddColumn("outcome").AddColumn(new TableColumn("rows").RightAligned())
            .AddColumn(new TableColumn("of which from earlier runs").RightAligned());
        foreach (var (outcome, label) in Labels)
        {
            var rows = report.Rows.Where(r => r.Answer.Outcome == outcome).ToList();
            table.AddRow(new Markup(label), new Text(rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(rows.Count(r => r.FromEarlierRun).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        table.AddRow(new Markup("[bold]total[/]"), new Text(report.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Text(report.Rows.Count(r => r.FromEarlierRun).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        console.Write(table);

        List("Rejected", report.Rows.Where(r => r.Answer.Outcome is Outcome.Rejected or Outcome.Invalid), console);
        List("Without an answer", report.Rows.Where(r => r.Answer.Outcome is Outcome.Unanswered or Outcome.Failed), console);
        if (report.Rows.Any(r => r.Answer.Outcome == Outcome.Unanswered))
            console.MarkupLine("[yellow]Unanswered rows are sent again by the next run. A row already processed in an earlier, interrupted run " +
                               "gets no second answer on the bus; re-run with [bold]--via http[/] to learn its case.[/]");
        if (report.Unavailable is { } why) console.MarkupLineInterpolated($"[red]Stopped: {why}[/]");
        if (report.Interrupted) console.MarkupLine("[yellow]Interrupted; run the same command again to resume.[/]");
        console.MarkupLineInterpolated($"[grey]Sent this run: {report.SentThisRun}. State: {statePath}[/]");
    }

    private static readonly (Outcome, string)[] Labels =
    [
        (Outcome.Created, "[green]accepted (created)[/]"),
        (Outcome.Duplicate, "[green]duplicate[/]"),
        (Outcome.Amended, "[green]amended[/]"),
        (Outcome.Rejected, "[red]rejected by the service[/]"),
        (Outcome.Invalid, "[red]rejected before sending (unreadable cells)[/]"),
        (Outcome.Failed, "[yellow]failed (not taken)[/]"),
        (Outcome.Unanswered, "[yellow]unanswered[/]"),
    ];

    private static void List(string title, IEnumerable<RowResult> rows, IAnsiConsole console)
    {
        var all = rows.ToList();
        if (all.Count == 0) return;
        var table = new Table().Title(title).AddColumn("row").AddColumn("incident").AddColumn("reason");
        foreach (var r in all.Take(MaxListed))
            table.AddRow(new Text(r.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(r.IncidentNumber ?? "-"), new Text(Reasons(r.Answer)));
        console.Write(table);
        if (all.Count > MaxListed) console.MarkupLineInterpolated($"[grey]… and {all.Count - MaxListed} more; every row's outcome is in the state file.[/]");
    }

    /// <summary>Field names and the service's messages; these never contain the values that were sent.</summary>
    private static string Reasons(Answer answer) => answer.Errors is { Count: > 0 } errors
        ? string.Join(Environment.NewLine, errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join("; ", e.Value)}"))
        : answer.Note ?? AnswerView.Name(answer.Outcome);
}
