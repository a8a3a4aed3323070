using System.CommandLine;
using System.Text.Json;
using Referral.Contracts;
using Referral.Dispatch.Output;
using Referral.Dispatch.Referrals;
using Spectre.Console;

namespace Referral.Dispatch.Commands;

/// <summary><c>send FILE.json</c>: one referral through one door, and the service's answer.</summary>
internal static class SendCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("FILE.json") { Description = "The referral (IncidentReferred JSON, camelCase)" };
        var command = new Command("send", "Send one referral and print the service's answer") { file };
        CommonOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse, parse.GetRequiredValue(file), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, ParseResult parse, FileInfo file, CancellationToken cancellationToken)
    {
        if (Read(file, out var problem) is not { } referral)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.Error;
        }
        var outgoing = OutgoingReferral.Of(referral, parse.GetRequiredValue(CommonOptions.Station));
        try
        {
            await using var door = await CommonOptions.OpenDoorAsync(parse, maxInFlight: 1, cancellationToken);
            var pending = await door.SendAsync(outgoing, cancellationToken);
            await door.DrainAsync(CommonOptions.AnswerTimeout(parse), cancellationToken);
            var answer = await pending;
            AnswerView.Show(console, outgoing, answer);
            return answer.IsAccepted ? ExitCodes.Ok : answer.Outcome == Outcome.Rejected ? ExitCodes.Rejected : ExitCodes.Error;
        }
        catch (DoorUnavailableException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ExitCodes.Error;
        }
    }

    /// <summary>The file as a referral, or why it is not one. Broken JSON never leaves this machine.</summary>
    private static IncidentReferred? Read(FileInfo file, out string? problem)
    {
        problem = null;
        try
        {
            using var stream = file.OpenRead();
            var referral = JsonSerializer.Deserialize<IncidentReferred>(stream, ReferralJson.Options);
            if (referral is null) problem = $"{file.Name} holds null, not a referral";
            return referral;
        }
        catch (JsonException ex)
        {
            problem = $"{file.Name} is not a referral: {ex.Message}";
        }
        catch (IOException ex)
        {
            problem = $"cannot read {file.FullName}: {ex.Message}";
        }
        catch (UnauthorizedAccessException ex)
        {
            problem = $"cannot read {file.FullName}: {ex.Message}";
        }
        return null;
    }
}
