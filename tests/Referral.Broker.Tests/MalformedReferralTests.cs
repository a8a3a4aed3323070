using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Privacy;
using Referral.Testing;

namespace Referral.Broker.Tests;

/// <summary>
/// A raw JSON referral that cannot be read, or is invalid, is never dropped: the station is told why, the
/// error queue gets the reason and a masked copy, and the queue goes on with the next message.
/// </summary>
public sealed class MalformedReferralTests
{
    private const string ErrorQueue = "referral-intake_error";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private RabbitMqVirtualHost _vhost = null!;
    private ReferralApp _app = null!;
    private AnswerListener _answers = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _app = new ReferralApp(new ReferralAppOptions { RabbitMqVirtualHost = _vhost.Name });
        await _app.StartAsync();
        await _app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
        _answers = await AnswerListener.StartAsync(_vhost, "ReferralAccepted", "ReferralRejected");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _answers.DisposeAsync();
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Spoilt()
    {
        TestCaseData Case(string why, Func<string, string> spoil, string field, string reason) =>
            new TestCaseData(spoil, field, reason).SetArgDisplayNames(why);
        yield return Case("cut off in the middle", Cut, "body", "JsonException");
        yield return Case("risk.partiesCount a string", WithValue("risk", "partiesCount", "\"很多\""), "risk.partiesCount", "JsonException");
        yield return Case("occurredAt not a time", WithValue(null, "occurredAt", "\"昨天晚上\""), "occurredAt", "JsonException");
        yield return Case("unknown dispute type", WithValue(null, "disputeType", "\"打麻将\""), "disputeType", "disputeType");
    }

    [TestCaseSource(nameof(Spoilt))]
    public async Task Bad_raw_json_is_rejected_naming_the_field_dead_lettered_once_masked_and_the_next_message_still_becomes_a_case(
        Func<string, string> spoil, string field, string reason)
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());
        var body = spoil(JsonSerializer.Serialize(referral, Json));
        var (badId, goodId) = (Guid.NewGuid(), Guid.NewGuid());
        var good = Referrals.Valid(address: Referrals.UniqueAddress());
        Assert.That(PersonalData.ContainsUnmaskedNumbers(body), Is.True, "the spoilt body still holds the parties' numbers");

        await _vhost.PublishRawAsync(Encoding.UTF8.GetBytes(body), badId);
        await _vhost.PublishRawAsync(JsonSerializer.SerializeToUtf8Bytes(good, Json), goodId);

        var rejected = await _answers.WaitForAsync("ReferralRejected", m => MessageId(m, "referralMessageId") == badId, Timeout);
        Assert.That(rejected.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }));
        var accepted = await _answers.WaitForAsync("ReferralAccepted", m => MessageId(m, "referralMessageId") == goodId, Timeout);
        Assert.That(accepted.GetProperty("outcome").GetString(), Is.EqualTo("created"));

        var dead = new List<string>();
        await Eventually.UntilAsync(async () =>
        {
            dead.AddRange((await _vhost.DrainAsync(ErrorQueue)).Where(b => MessageId(Envelope(b), "messageId") == badId));
            return dead.Count > 0;
        }, Timeout, "the message on the error queue");
        dead.AddRange((await _vhost.DrainAsync(ErrorQueue)).Where(b => MessageId(Envelope(b), "messageId") == badId));
        Assert.That(dead, Has.Count.EqualTo(1), "one message on the error queue");
        var notice = Envelope(dead[0]);
        Assert.That(notice.GetProperty("reason").GetString(), Does.Contain(reason));
        Assert.That(notice.GetProperty("maskedBody").GetString(), Does.Contain(referral.IncidentNumber));
        Assert.That(PersonalData.ContainsUnmaskedNumbers(dead[0]), Is.False, dead[0]);
        var kept = await _app.QueryAsync(db => db.DeadLetters.AsNoTracking().SingleAsync(d => d.MessageId == badId));
        Assert.That(kept.Body, Is.EqualTo(body), "the original is kept whole in the database");
        Assert.That(await _app.QueryAsync(db => db.Cases.CountAsync(c => c.IncidentNumber == referral.IncidentNumber)), Is.Zero);
    }

    /// <summary>Cut off inside the first party, after its phone and ID number.</summary>
    private static string Cut(string json) => json[..(json.IndexOf("\"role\"", StringComparison.Ordinal) + 9)];

    private static Func<string, string> WithValue(string? parent, string name, string value) => json =>
    {
        var node = JsonNode.Parse(json)!;
        (parent is null ? node : node[parent]!)[name] = JsonNode.Parse(value);
        return node.ToJsonString();
    };

    /// <summary>The message inside a MassTransit envelope.</summary>
    private static JsonElement Envelope(string body) => JsonDocument.Parse(body).RootElement.GetProperty("message").Clone();

    private static Guid? MessageId(JsonElement message, string property) =>
        message.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null;
}
