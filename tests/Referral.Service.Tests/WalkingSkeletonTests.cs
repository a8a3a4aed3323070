using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Data;
using Referral.Testing;

namespace Referral.Service.Tests;

/// <summary>One referral through every layer: HTTP and bus in, case and timeline stored, event out through the outbox.</summary>
public sealed class WalkingSkeletonTests
{
    private ReferralApp _app = null!;
    private HttpClient _client = null!;
    private HttpClient _station = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _client = await _app.CreateUserClientAsync("coordinator");
        _station = _app.CreateStationClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        _station.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Ready_health_reports_the_database_and_the_bus()
    {
        using var response = await _client.GetAsync("/health/ready");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var checks = body.GetProperty("checks");
        Assert.That(checks.GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(checks.EnumerateObject().Select(c => c.Name), Does.Contain("masstransit-bus"));
    }

    [Test]
    public async Task Referral_posted_over_http_becomes_a_routed_case_readable_back()
    {
        var referral = Referrals.Valid(disputeType: "婚恋情感");

        using var posted = await _station.PostAsJsonAsync("/api/referrals", referral);
        var receipt = await posted.Content.ReadFromJsonAsync<JsonElement>();
        using var read = await _client.GetAsync(posted.Headers.Location);
        var detail = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(posted.Headers.Location!.ToString(), Is.EqualTo($"/api/cases/{receipt.GetProperty("caseId").GetGuid()}"));
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("Routed"));
        Assert.That(receipt.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("fulian"));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(detail.GetProperty("incidentNumber").GetString(), Is.EqualTo(referral.IncidentNumber));
        Assert.That(detail.GetProperty("parties")[0].GetProperty("name").GetString(), Is.EqualTo("王*"));
        Assert.That(detail.GetProperty("parties")[0].GetProperty("phone").GetString(), Does.Contain("****"));
    }

    [Test]
    public async Task Referral_on_the_bus_becomes_a_case_whose_CaseRouted_the_relay_publishes()
    {
        var harness = _app.Services.GetRequiredService<ITestHarness>();
        var referral = Referrals.Valid(disputeType: "消费");

        await harness.Bus.Publish(referral);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.That(await harness.Published.Any<CaseRouted>(m => m.Context.Message.IncidentNumber == referral.IncidentNumber, timeout.Token),
            Is.True, "CaseRouted was not published");
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.IncidentNumber == referral.IncidentNumber);
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.CaseId == stored.Id).ToListAsync();
        var timeline = await db.Timeline.AsNoTracking().Where(t => t.CaseId == stored.Id).OrderBy(t => t.Sequence).ToListAsync();
        Assert.That(stored.LeadDepartmentCode, Is.EqualTo("scjg"));
        Assert.That(outbox.Select(o => o.MessageType), Does.Contain(typeof(CaseRouted).FullName));
        Assert.That(timeline.Select(t => t.Action.ToString()), Is.EqualTo(new[] { "Refer", "Grade", "Route" }));
        await Eventually.UntilAsync(async () =>
            await db.Outbox.AsNoTracking().Where(o => o.CaseId == stored.Id).AllAsync(o => o.PublishedAt != null),
            TimeSpan.FromSeconds(60), "the relay to mark the outbox rows published");
    }

    [Test]
    public async Task Invalid_referral_is_refused_with_each_field_named()
    {
        var referral = Referrals.Valid(phone: "12345") with { DisputeType = "不存在的类型", OccurredAt = null };

        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.That(fields, Is.EquivalentTo(new[] { "disputeType", "occurredAt", "parties[0].phone" }));
    }
}
