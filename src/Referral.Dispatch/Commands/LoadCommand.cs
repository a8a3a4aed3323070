using System.CommandLine;
using System.Globalization;
using Referral.Dispatch.Load;
using Referral.Dispatch.Output;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;
using Spectre.Console;

namespace Referral.Dispatch.Commands;

/// <summary><c>load --count N</c>: synthetic valid referrals at a fixed rate or as fast as possible, with figures.</summary>
internal static class LoadCommand
{
    /// <summary>Prefix + "-" + the 7-digit number must fit the service's 40 characters.</summary>
    private const int MaxPrefixLength = 32;

    public static Command Create(IAnsiConsole console, IAnsiConsole errorConsole)
    {
        var count = new Option<int>("--count") { Description = "How many referrals", Required = true };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() is <= 0 or > 9_999_999) r.AddError("--count must be between 1 and 9999999"); });
        var rate = new Option<double?>("--rate") { Description = "Referrals per second, scheduled by the clock (default: as fast as possible)" };
        rate.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0) r.AddError("--rate must be positive"); });
        var prefix = new Option<string>("--prefix")
        {
            Description = "Incident number prefix; numbers are PREFIX-0000001 … (default: LOAD and the UTC time)",
            DefaultValueFactory = _ => "LOAD" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
        };
        prefix.Validators.Add(r => { if (SyntheticOptions.PrefixProblem(r.GetValueOrDefault<string>(), MaxPrefixLength) is { } p) r.AddError(p); });
        var seed = SyntheticOptions.Seed();
        var wait = new Option<bool>("--wait") { Description = "Also wait for every answer and report outcomes and answer latency" };
        var resendFor = new Option<int>("--resend-for")
        {
            Description = "Seconds to keep re-sending what a lost connection left unconfirmed, waiting for the broker or service to come back (0: give up at once)",
            DefaultValueFactory = _ => 120,
        };
        resendFor.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--resend-for must not be negative"); });
        var json = new Option<bool>("--json") { Description = "Print the final figures as one JSON line on stdout (the table goes to stderr)" };
        var command = new Command("load", "Send synthetic valid referrals and report throughput and latency") { count, rate, prefix, seed, wait, resendFor, json };
        CommonOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var figures = new LoadFigures
            {
                Via = parse.GetValue(CommonOptions.Via).ToString().ToLowerInvariant(),
                Count = parse.GetValue(count),
                Rate = parse.GetValue(rate),
                Prefix = parse.GetRequiredValue(prefix),
                Seed = parse.GetValue(seed),
            };
            var asJson = parse.GetValue(json);
            return await RunAsync(asJson ? errorConsole : console, parse, figures, parse.GetValue(wait), TimeSpan.FromSeconds(parse.GetValue(resendFor)),
                asJson, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, ParseResult parse, LoadFigures figures, bool wait, TimeSpan resendFor, bool json,
        CancellationToken cancellationToken)
    {
        var station = parse.GetRequiredValue(CommonOptions.Station);
        var generator = new SyntheticReferrals(figures.Seed, TimeProvider.System, TimeSpan.FromDays(30));
        // Prepared before the clock starts, so that generating them does not count as sending.
        var referrals = Enumerable.Range(1, figures.Count)
            .Select(n => OutgoingReferral.Of(generator.Next(SyntheticOptions.IncidentNumber(figures.Prefix, n), station), station))
            .ToList();
        try
        {
            await using var door = await CommonOptions.OpenDoorAsync(parse, maxInFlight: parse.GetValue(CommonOptions.Via) == Via.Http ? 64 : 1000,
                cancellationToken);
            var waitForAnswers = wait || parse.GetValue(CommonOptions.Via) == Via.Http;
            figures = await new LoadRun(door, referrals, figures.Rate, resendFor).RunAsync(figures, waitForAnswers, CommonOptions.AnswerTimeout(parse), cancellationToken);
        }
        catch (DoorUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Error;
        }
        LoadReport.Show(console, figures);
        if (json) LoadReport.WriteJsonLine(Console.Out, figures);
        if (figures.Failed > 0 || figures.Unanswered > 0) return ExitCodes.Error;
        return figures.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
    }
}
