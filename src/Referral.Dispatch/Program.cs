using System.CommandLine;
using Referral.Dispatch.Commands;
using Spectre.Console;

// The station's command-line client for the Referral service (警情通办): send one referral, import a
// CSV of past incidents, or generate load. Exit codes: see Commands/ExitCodes.cs.
var console = AnsiConsole.Console;
var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

var root = new RootCommand("referral-dispatch: the station's client for the Referral service (警情通办)")
{
    SendCommand.Create(console),
    ImportCommand.Create(console),
    LoadCommand.Create(console, errorConsole),
    GenerateCsvCommand.Create(console),
    DeadLettersCommand.Create(console),
};

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) errorConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    errorConsole.MarkupLine("Run [bold]referral-dispatch --help[/] for usage.");
    return ExitCodes.Error;
}
return await parse.InvokeAsync();
