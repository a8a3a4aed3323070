using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Referral.Dispatch.Commands;

/// <summary>
/// <c>dead-letters list|requeue ID</c>: the admin's view of the error queues through the service's
/// admin API — what failed and why (personal data masked), and re-queueing after a fix.
/// </summary>
internal static class DeadLettersCommand
{
    private static readonly Option<string> User = new("--user")
    {
        Description = "Admin user name [env REFERRAL_USER]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REFERRAL_USER") ?? "admin",
    };

    private static readonly Option<string> Password = new("--password")
    {
        Description = "Admin password [env REFERRAL_PASSWORD]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REFERRAL_PASSWORD") ?? "Demo!2026",
    };

    public static Command Create(IAnsiConsole console)
    {
        var queue = new Option<string?>("--queue") { Description = "Only this queue, e.g. referral-intake" };
        var all = new Option<bool>("--all") { Description = "Also the messages already re-queued" };
        var list = new Command("list", "List the messages that failed, newest first") { queue, all };
        list.SetAction((parse, ct) => ListAsync(console, parse, parse.GetValue(queue), parse.GetValue(all), ct));

        var id = new Argument<long>("ID") { Description = "The dead letter's id, from list" };
        var requeue = new Command("requeue", "Send a failed message again to its queue, after the cause was fixed") { id };
        requeue.SetAction((parse, ct) => RequeueAsync(console, parse, parse.GetValue(id), ct));

        var command = new Command("dead-letters", "Messages that could not be processed (admin)") { list, requeue };
        foreach (var option in new Option[] { CommonOptions.Url, User, Password })
        {
            list.Add(option);
            requeue.Add(option);
        }
        return command;
    }

    private static async Task<int> ListAsync(IAnsiConsole console, ParseResult parse, string? queue, bool all, CancellationToken cancellationToken)
    {
        using var http = await SignInAsync(console, parse, cancellationToken);
        if (http is null) return ExitCodes.Error;
        var url = $"/api/admin/dead-letters?includeRequeued={(all ? "true" : "false")}" + (queue is null ? "" : $"&queue={Uri.EscapeDataString(queue)}");
        using var response = await http.GetAsync(url, cancellationToken);
        if (!response.IsSuccessStatusCode) return await FailAsync(console, response, cancellationToken);
        var letters = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var table = new Table().AddColumns("id", "queue", "failed at", "incident", "reason", "re-queued");
        foreach (var l in letters.EnumerateArray())
            table.AddRow(Markup.Escape(l.GetProperty("id").ToString()), Markup.Escape(l.GetProperty("queue").GetString() ?? ""),
                Markup.Escape(l.GetProperty("failedAt").GetString() ?? ""), Markup.Escape(Text(l, "incidentNumber")),
                Markup.Escape(Truncate(l.GetProperty("reason").GetString() ?? "", 100)), Markup.Escape(Text(l, "requeuedAt")));
        console.Write(table);
        console.MarkupLineInterpolated($"{letters.GetArrayLength()} message(s).");
        return ExitCodes.Ok;
    }

    private static async Task<int> RequeueAsync(IAnsiConsole console, ParseResult parse, long id, CancellationToken cancellationToken)
    {
        using var http = await SignInAsync(console, parse, cancellationToken);
        if (http is null) return ExitCodes.Error;
        using var response = await http.PostAsync($"/api/admin/dead-letters/{id}/requeue", null, cancellationToken);
        if (!response.IsSuccessStatusCode) return await FailAsync(console, response, cancellationToken);
        console.MarkupLineInterpolated($"[green]Dead letter {id} re-queued.[/]");
        return ExitCodes.Ok;
    }

    private static async Task<HttpClient?> SignInAsync(IAnsiConsole console, ParseResult parse, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = parse.GetRequiredValue(CommonOptions.Url), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var login = await http.PostAsJsonAsync("/api/auth/login",
                new { userName = parse.GetValue(User), password = parse.GetValue(Password) }, cancellationToken);
            if (!login.IsSuccessStatusCode)
            {
                console.MarkupLineInterpolated($"[red]Sign-in refused ({(int)login.StatusCode}): check --user and --password.[/]");
                http.Dispose();
                return null;
            }
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http;
        }
        catch (HttpRequestException ex)
        {
            console.MarkupLineInterpolated($"[red]The service at {http.BaseAddress} cannot be reached: {ex.Message}[/]");
            http.Dispose();
            return null;
        }
    }

    private static async Task<int> FailAsync(IAnsiConsole console, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        console.MarkupLineInterpolated($"[red]{(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body, 400)}[/]");
        return ExitCodes.Error;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}
