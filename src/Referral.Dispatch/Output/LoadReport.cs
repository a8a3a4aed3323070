using System.Globalization;
using System.Text.Json;
using Referral.Dispatch.Load;
using Spectre.Console;

namespace Referral.Dispatch.Output;

/// <summary>Load figures for people (a table) and for programs (one JSON line on stdout).</summary>
internal static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Show(IAnsiConsole console, LoadFigures f)
    {
        var table = new Table().Title($"load via {f.Via}: {f.Count} referrals, {(f.Rate is { } r ? $"{r}/s" : "as fast as possible")}")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, object? value)
        {
            if (value is not null) table.AddRow(name, Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }
        Row("sent", f.Sent);
        Row("confirmed", f.Confirmed);
        Row("nacked / failed", f.Failed);
        Row("re-sent after a lost connection", f.Resent);
        Row("elapsed (s)", f.ElapsedSeconds);
        Row("rate achieved (/s)", f.AchievedRate);
        Row("max send lag (ms)", f.MaxLagMs);
        Row("confirm p50 (ms)", f.ConfirmP50Ms);
        Row("confirm p99 (ms)", f.ConfirmP99Ms);
        Row("accepted (created)", f.Created);
        Row("duplicate", f.Duplicate);
        Row("amended", f.Amended);
        Row("rejected", f.Rejected);
        Row("unanswered", f.Unanswered);
        Row("answer p50 (ms)", f.AnswerP50Ms);
        Row("answer p99 (ms)", f.AnswerP99Ms);
        Row("answer p99.9 (ms)", f.AnswerP999Ms);
        Row("until last answer (s)", f.AnswerElapsedSeconds);
        console.Write(table);
        console.MarkupLineInterpolated($"[grey]incidents {f.Prefix}-0000001 … (seed {f.Seed})[/]");
    }

    public static void WriteJsonLine(TextWriter output, LoadFigures figures) => output.WriteLine(JsonSerializer.Serialize(figures, Json));
}
