using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Broker.Tests;

/// <summary>The bus doors against a real RabbitMQ: MassTransit messages and raw JSON from a non-.NET station.</summary>
public sealed class IntakeThroughRabbitMqTests
{
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
        _answers = await AnswerListener.StartAsync(_vhost, "ReferralAccepted", "ReferralRejected", "CaseRouted");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _answers.DisposeAsync();
        await _app.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    [Test]
    public async Task Raw_json_published_with_RabbitMQ_Client_becomes_a_case()
    {
        var referral = Referrals.Valid(disputeType: "劳动争议/欠薪");
        var messageId = Guid.NewGuid();

        await _vhost.PublishRawAsync(JsonSerializer.SerializeToUtf8Bytes(referral, Json), messageId);

        var accepted = await _answers.WaitForAsync("ReferralAccepted", m => m.GetProperty("referralMessageId").GetGuid() == messageId, Timeout);
        Assert.That(accepted.GetProperty("outcome").GetString(), Is.EqualTo("created"));
        Assert.That(accepted.GetProperty("departmentCode").GetString(), Is.EqualTo("ldjc"));
        using var client = await _app.CreateUserClientAsync("coordinator");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{accepted.GetProperty("caseId").GetGuid()}");
        Assert.That(detail.GetProperty("incidentNumber").GetString(), Is.EqualTo(referral.IncidentNumber));
    }

    [Test]
    public async Task IncidentReferred_sent_with_MassTransit_becomes_a_case_and_CaseRouted_comes_out()
    {
        var referral = Referrals.Valid(disputeType: "环境噪音");
        var bus = _app.Services.GetRequiredService<IBus>();

        await bus.Publish(referral);

        var routed = await _answers.WaitForAsync("CaseRouted", m => m.GetProperty("incidentNumber").GetString() == referral.IncidentNumber, Timeout);
        Assert.That(routed.GetProperty("departmentCode").GetString(), Is.EqualTo("zhzf"));
        Assert.That(routed.GetProperty("status").GetString(), Is.EqualTo("Routed"));
    }
}
