using Referral.Dispatch.Referrals;
using Spectre.Console;

namespace Referral.Dispatch.Output;

/// <summary>Shows one answer: the case it became, or the fields the service refused.</summary>
internal static class AnswerView
{
    public static void Show(IAnsiConsole console, OutgoingReferral referral, Answer answer)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string label, string? value)
        {
            if (value is not null) grid.AddRow(new Markup($"[grey]{label}[/]"), new Text(value));
        }
        grid.AddRow(new Markup("[grey]outcome[/]"), new Markup(Styled(answer.Outcome)));
        Row("incident", $"{referral.StationCode}/{referral.IncidentNumber}");
        Row("message id", referral.MessageId.ToString());
        Row("case", answer.CaseId?.ToString());
        Row("status", answer.Status);
        Row("color", answer.Color);
        Row("department", answer.Department);
        Row("routing", answer.Routing);
        Row("note", answer.Note);
        console.Write(grid);
        if (answer.Errors is { Count: > 0 } errors) console.Write(ErrorTable(errors));
    }

    public static Table ErrorTable(IReadOnlyDictionary<string, string[]> errors)
    {
        var table = new Table().AddColumn("field").AddColumn("problem");
        foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var message in messages)
                table.AddRow(new Text(field), new Text(message));
        return table;
    }

    public static string Styled(Outcome outcome) => outcome switch
    {
        Outcome.Created or Outcome.Duplicate or Outcome.Amended => $"[green]{Name(outcome)}[/]",
        Outcome.Rejected or Outcome.Invalid => $"[red]{Name(outcome)}[/]",
        _ => $"[yellow]{Name(outcome)}[/]",
    };

    public static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();
}
