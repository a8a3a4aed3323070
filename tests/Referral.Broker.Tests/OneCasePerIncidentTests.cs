using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Broker.Tests;

/// <summary>One case per (station, incident number), whichever door the referral comes through and however often.</summary>
public sealed class OneCasePerIncidentTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private RabbitMqVirtualHost _vhost = null!;
    private ReferralApp _app = null!;
    private AnswerListener _answers = null!;
    private HttpClient _station = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _vhost = await RabbitMqVirtualHost.CreateAsync();
        _app = new ReferralApp(new ReferralAppOptions { RabbitMqVirtualHost = _vhost.Name });
        await _app.StartAsync();
        await _app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, Timeout);
        _answers = await AnswerListener.StartAsync(_vhost, "ReferralAccepted", "ReferralRejected");
        _station = _app.CreateStationClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        await _answers.DisposeAsync();
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    [TestCase("http", "masstransit", "raw")]
    [TestCase("raw", "masstransit", "http")]
    public async Task Same_referral_through_all_three_doors_is_one_case(string first, string second, string third)
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());

        var answers = new List<(string Outcome, Guid CaseId)>();
        foreach (var door in new[] { first, second, third })
            answers.Add(await ReferAsync(door, referral));

        Assert.That(answers.Select(a => a.Outcome), Is.EqualTo(new[] { "created", "duplicate", "duplicate" }));
        Assert.That(answers.Select(a => a.CaseId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_identical_raw_messages_with_different_ids_published_back_to_back_are_one_case()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());
        var body = JsonSerializer.SerializeToUtf8Bytes(referral, Json);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };

        await Task.WhenAll(ids.Select(id => _vhost.PublishRawAsync(body, id)));

        var answers = await Task.WhenAll(ids.Select(id =>
            _answers.WaitForAsync("ReferralAccepted", m => ReferralMessageId(m) == id, Timeout)));
        Assert.That(answers.Select(a => a.GetProperty("outcome").GetString()), Is.EquivalentTo(new[] { "created", "duplicate" }));
        Assert.That(answers.Select(a => a.GetProperty("caseId").GetGuid()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    /// <summary>Refers through one door and returns its answer: the HTTP receipt, or the ReferralAccepted of the message.</summary>
    private async Task<(string Outcome, Guid CaseId)> ReferAsync(string door, IncidentReferred referral)
    {
        if (door == "http")
        {
            using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (receipt.GetProperty("outcome").GetString()!, receipt.GetProperty("caseId").GetGuid());
        }
        var messageId = Guid.NewGuid();
        if (door == "raw") await _vhost.PublishRawAsync(JsonSerializer.SerializeToUtf8Bytes(referral, Json), messageId);
        else await _app.Services.GetRequiredService<IBus>().Publish(referral, ctx => ctx.MessageId = messageId);
        var accepted = await _answers.WaitForAsync("ReferralAccepted", m => ReferralMessageId(m) == messageId, Timeout);
        return (accepted.GetProperty("outcome").GetString()!, accepted.GetProperty("caseId").GetGuid());
    }

    private static Guid? ReferralMessageId(JsonElement message) =>
        message.TryGetProperty("referralMessageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetGuid() : null;

    private Task<int> CaseCountAsync(string incidentNumber) =>
        _app.QueryAsync(db => db.Cases.CountAsync(c => c.IncidentNumber == incidentNumber));
}
