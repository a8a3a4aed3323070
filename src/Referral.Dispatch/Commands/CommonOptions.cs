using System.CommandLine;
using System.CommandLine.Parsing;
using Referral.Dispatch.Bus;
using Referral.Dispatch.Http;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Commands;

/// <summary>Where the service is and how to reach it: the options every sending command shares.</summary>
internal static class CommonOptions
{
    public static readonly Option<Via> Via = new("--via")
    {
        Description = "Door to send through: bus (RabbitMQ) or http",
        DefaultValueFactory = _ => Commands.Via.Bus,
    };

    public static readonly Option<Uri> Amqp = new("--amqp")
    {
        Description = "Broker URI with the virtual host as its path [env REFERRAL_AMQP]",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("REFERRAL_AMQP") ?? "amqp://guest:guest@localhost:5672/"),
        CustomParser = AbsoluteUri,
    };

    public static readonly Option<string> Exchange = new("--exchange")
    {
        Description = "Exchange the service takes raw JSON referrals from",
        DefaultValueFactory = _ => "referral.incoming",
    };

    public static readonly Option<Uri> Url = new("--url")
    {
        Description = "Base URL of the service's HTTP API [env REFERRAL_URL]",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("REFERRAL_URL") ?? "http://localhost:5080"),
        CustomParser = AbsoluteUri,
    };

    public static readonly Option<string> ApiKey = new("--api-key")
    {
        Description = "API key sent as X-Api-Key [env REFERRAL_API_KEY]",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REFERRAL_API_KEY") ?? "demo-gutang-key",
    };

    public static readonly Option<string> Station = new("--station")
    {
        Description = "Station code for referrals that name none",
        DefaultValueFactory = _ => "gutang",
    };

    public static readonly Option<int> Timeout = new("--timeout")
    {
        Description = "Seconds to wait for answers: after the last answer (bus), or per request (http)",
        DefaultValueFactory = _ => 60,
        Validators = { r => { if (r.GetValueOrDefault<int>() <= 0) r.AddError("--timeout must be a positive number of seconds"); } },
    };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { Via, Amqp, Exchange, Url, ApiKey, Station, Timeout }) command.Add(option);
    }

    /// <summary>Opens the chosen door; the bus door connects at once, so an unreachable broker is found before any work.</summary>
    /// <param name="maxInFlight">Publishes awaiting their confirm (bus), or connections (http).</param>
    public static async Task<IReferralDoor> OpenDoorAsync(ParseResult parse, int maxInFlight, CancellationToken cancellationToken) =>
        parse.GetValue(Via) switch
        {
            Commands.Via.Http => new HttpDoor(parse.GetRequiredValue(Url), parse.GetRequiredValue(ApiKey),
                TimeSpan.FromSeconds(parse.GetValue(Timeout)), maxInFlight),
            _ => await BusDoor.ConnectAsync(parse.GetRequiredValue(Amqp), parse.GetRequiredValue(Exchange), maxInFlight, cancellationToken),
        };

    public static TimeSpan AnswerTimeout(ParseResult parse) => TimeSpan.FromSeconds(parse.GetValue(Timeout));

    private static Uri? AbsoluteUri(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)) return uri;
        result.AddError($"'{text}' is not an absolute URI");
        return null;
    }
}
