using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Testing;

namespace Referral.Service.Tests.Cases;

/// <summary>
/// The story of one case through the API as the demo users: the dispatcher refers it, the
/// coordinator sees it, the women's federation accepts it, records progress and closes it, the
/// dispatcher sees the outcome, and market supervision's handler never sees it at all.
/// </summary>
public sealed class WorkflowWalkTests
{
    private ReferralApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_referral_walks_from_the_station_to_its_outcome_and_stays_out_of_other_departments_sight()
    {
        using var dispatcher = await _app.CreateUserClientAsync("dispatcher");
        using var coordinator = await _app.CreateUserClientAsync("coordinator");
        using var fulian = await _app.CreateUserClientAsync("handler-fulian");
        using var outsider = await _app.CreateUserClientAsync("handler-scjg");

        using var referred = await dispatcher.PostAsJsonAsync("/api/referrals", Referrals.Valid(disputeType: "婚恋情感"));
        Assert.That(referred.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await referred.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        await AssertHiddenFromOutsiderAsync(outsider, id);

        var seen = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cases?status=Routed&pageSize=100");
        Assert.That(seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(id));

        var inbox = await fulian.GetFromJsonAsync<JsonElement>("/api/cases?status=Routed");
        Assert.That(inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Contain(id));

        await ActAsync(fulian, id, "accept", new { note = "已签收，联系双方家长" }, "Accepted");
        await AssertHiddenFromOutsiderAsync(outsider, id);
        await ActAsync(fulian, id, "record-progress", new { kind = "visit", text = "上门走访双方家长，情绪平稳", nextStep = "周五组织调解" }, "InProgress");
        await AssertHiddenFromOutsiderAsync(outsider, id);
        var closed = await ActAsync(fulian, id, "close",
            new { outcome = "agreementReached", agreementSummary = "双方家长同意两人交往，约定不再阻拦" }, "Closed");
        Assert.That(closed.GetProperty("outcomeName").GetString(), Is.EqualTo("调解成功"));
        await AssertHiddenFromOutsiderAsync(outsider, id);

        var outcome = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(outcome.GetProperty("outcome").GetString(), Is.EqualTo("AgreementReached"));
        Assert.That(outcome.GetProperty("allowedActions").EnumerateArray(), Is.Empty, "a dispatcher reads, never acts");

        var timeline = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline");
        Assert.That(timeline.EnumerateArray().Select(e => e.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "refer", "grade", "route", "accept", "record-progress", "close" }));
        var verified = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline/verify");
        Assert.That(verified.GetProperty("intact").GetBoolean(), Is.True);
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, Guid id, string action, object body, string expectedStatus)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{action}: {json}");
        Assert.That(json.GetProperty("status").GetString(), Is.EqualTo(expectedStatus));
        return json;
    }

    private static async Task AssertHiddenFromOutsiderAsync(HttpClient outsider, Guid id)
    {
        foreach (var path in new[] { $"/api/cases/{id}", $"/api/cases/{id}/timeline", $"/api/cases/{id}/timeline/verify" })
        {
            using var response = await outsider.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }
        using var acted = await outsider.PostAsJsonAsync($"/api/cases/{id}/accept", new { });
        Assert.That(acted.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "accept by another department");
        var list = await outsider.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=100");
        Assert.That(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), Does.Not.Contain(id));
    }
}
