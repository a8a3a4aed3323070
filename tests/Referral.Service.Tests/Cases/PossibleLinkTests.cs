using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Service.Tests.Cases;

/// <summary>
/// 可能关联 over the API: listed with the case and in triage, never changing the color by itself; the
/// coordinator confirms one (then it is a recurrence: linked on both timelines, red, with its factor) or
/// dismisses one (recorded with the reason; nothing else changes).
/// </summary>
public sealed class PossibleLinkTests
{
    private ReferralApp _app = null!;
    private HttpClient _station = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _station = _app.CreateStationClient();
        _coordinator = await _app.CreateUserClientAsync("coordinator");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        _coordinator.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Two_earlier_cases_at_the_same_street_are_possible_links_of_the_third_latest_first_and_the_color_stays()
    {
        var street = $"古塘街道{Referrals.UniqueName()}街";
        var (first, second, third) = await ThreeAtAsync(street, "邻里");

        var detail = await CaseAsync(third);

        Assert.That(detail.GetProperty("color").GetString(), Is.EqualTo("green"));
        Assert.That(detail.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Links(detail).Select(l => (l.GetProperty("earlierCase").GetGuid(), l.GetProperty("state").GetString())),
            Is.EqualTo(new[] { (second, "open"), (first, "open") }));
        Assert.That(Links(detail)[0].GetProperty("address").GetString(), Does.EndWith("****"), "the shared address is masked");
        Assert.That(detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Does.Contain("confirm-link").And.Contain("dismiss-link"));
        var suggested = (await TimelineAsync(third)).Where(e => e.GetProperty("action").GetString() == "suggest-link").ToList();
        Assert.That(suggested.Select(e => e.GetProperty("details").GetProperty("case").GetString()), Is.EqualTo(new[] { $"{second}", $"{first}" }));
    }

    [Test]
    public async Task Confirming_a_possible_link_makes_it_a_recurrence_linked_on_both_timelines_and_red()
    {
        var (first, second, third) = await ThreeAtAsync($"古塘街道{Referrals.UniqueName()}小区", "消费");
        var before = await CaseAsync(third);
        var version = before.GetProperty("version").GetInt32();
        var harness = _app.Services.GetRequiredService<ITestHarness>();

        var confirmed = await ActAsync(third, "confirm-link", new { earlierCase = second, note = "同一小区同一商户的退款纠纷", version });

        Assert.That(confirmed.Status, Is.EqualTo(HttpStatusCode.OK), confirmed.Body.ToString());
        var detail = confirmed.Body;
        Assert.That(detail.GetProperty("color").GetString(), Is.EqualTo("red"));
        Assert.That(detail.GetProperty("recurrenceOf").GetGuid(), Is.EqualTo(second));
        var factor = detail.GetProperty("grading").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "recurrence");
        Assert.That(factor.GetProperty("description").GetString(), Does.Contain("经矛调中心确认").And.Contain(await IncidentAsync(second)));
        Assert.That(Links(detail).Select(l => (l.GetProperty("earlierCase").GetGuid(), l.GetProperty("state").GetString())),
            Is.EqualTo(new[] { (second, "confirmed"), (first, "open") }));
        Assert.That(Links(detail)[0].GetProperty("decidedBy").GetString(), Is.EqualTo("coordinator"));
        var onLater = (await TimelineAsync(third)).Last();
        Assert.That((onLater.GetProperty("action").GetString(), onLater.GetProperty("actor").GetString()), Is.EqualTo(("confirm-link", "coordinator")));
        Assert.That(onLater.GetProperty("note").GetString(), Does.EndWith("同一小区同一商户的退款纠纷"));
        var onEarlier = (await TimelineAsync(second)).Last();
        Assert.That((onEarlier.GetProperty("action").GetString(), onEarlier.GetProperty("actor").GetString()), Is.EqualTo(("link-recurrence", "coordinator")));
        Assert.That(onEarlier.GetProperty("details").GetProperty("case").GetString(), Is.EqualTo($"{third}"));
        Assert.That((await TimelineAsync(first)).Select(e => e.GetProperty("action").GetString()), Has.None.EqualTo("link-recurrence"), "the other earlier case is untouched");
        Assert.That(detail.GetProperty("acceptDueAt").GetDateTimeOffset(), Is.LessThan(before.GetProperty("acceptDueAt").GetDateTimeOffset()),
            "red's accept deadline is nearer");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.That(await harness.Published.Any<CaseColorChanged>(m => m.Context.Message.CaseId == third && m.Context.Message.FromColor == "green"
                                                                        && m.Context.Message.Color == "red", timeout.Token), Is.True);

        var again = await ActAsync(third, "confirm-link", new { earlierCase = second });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest), again.Body.ToString());
        Assert.That(again.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "earlierCase" }));
    }

    [Test]
    public async Task Dismissing_a_possible_link_records_the_reason_and_changes_nothing_else()
    {
        var (first, _, third) = await ThreeAtAsync($"古塘街道{Referrals.UniqueName()}街", "消费");

        var withoutReason = await ActAsync(third, "dismiss-link", new { earlierCase = first });
        var dismissed = await ActAsync(third, "dismiss-link", new { earlierCase = first, reason = "商户不同，系另一家店铺的退货纠纷" });

        Assert.That(withoutReason.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(withoutReason.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "reason" }));
        Assert.That(dismissed.Status, Is.EqualTo(HttpStatusCode.OK), dismissed.Body.ToString());
        Assert.That(dismissed.Body.GetProperty("color").GetString(), Is.EqualTo("green"));
        Assert.That(dismissed.Body.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var link = Links(dismissed.Body).Single(l => l.GetProperty("earlierCase").GetGuid() == first);
        Assert.That((link.GetProperty("state").GetString(), link.GetProperty("reason").GetString()), Is.EqualTo(("dismissed", "商户不同，系另一家店铺的退货纠纷")));
        Assert.That((await TimelineAsync(third)).Last().GetProperty("note").GetString(), Does.Contain("商户不同，系另一家店铺的退货纠纷"));
        Assert.That((await TimelineAsync(first)).Select(e => e.GetProperty("action").GetString()), Has.None.EqualTo("link-recurrence"));
    }

    [Test]
    public async Task Triage_lists_the_possible_links_of_a_case_waiting_there_and_of_routed_cases()
    {
        var (_, waitingEarlier, waiting) = await ThreeAtAsync($"古塘街道{Referrals.UniqueName()}街", "其他");
        var (_, routedEarlier, routed) = await ThreeAtAsync($"古塘街道{Referrals.UniqueName()}街", "消费");

        var list = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases?status=Triage&text={Uri.EscapeDataString(await IncidentAsync(waiting))}");
        var html = await _coordinator.GetStringAsync("/triage");

        var item = list.GetProperty("items").EnumerateArray().Single();
        Assert.That(item.GetProperty("possibleLinks").EnumerateArray().Select(l => l.GetProperty("earlierCase").GetGuid()), Does.Contain(waitingEarlier));
        Assert.That(html, Does.Contain($"data-earlier=\"{waitingEarlier}\"").And.Contain(await IncidentAsync(waitingEarlier)));
        Assert.That(html, Does.Contain("id=\"linked-cases\"").And.Contain($"data-case=\"{routed}\"").And.Contain($"data-earlier=\"{routedEarlier}\""));
        Assert.That(html, Does.Contain("可能关联"));
    }

    /// <summary>Three referrals of the type at the coarse address, a minute apart; the third has the other two as possible links.</summary>
    private async Task<(Guid First, Guid Second, Guid Third)> ThreeAtAsync(string address, string disputeType)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var referral = Referrals.Valid(disputeType: disputeType, address: address) with { OccurredAt = DateTimeOffset.UtcNow.AddHours(-3).AddMinutes(i) };
            using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), receipt.ToString());
            Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo("green"), "a shared coarse address changes no color");
            ids.Add(receipt.GetProperty("caseId").GetGuid());
        }
        return (ids[0], ids[1], ids[2]);
    }

    private sealed record Answer(HttpStatusCode Status, JsonElement Body);

    private async Task<Answer> ActAsync(Guid id, string action, object body)
    {
        using var response = await _coordinator.PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        return new Answer(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private Task<JsonElement> CaseAsync(Guid id) => _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

    private async Task<string> IncidentAsync(Guid id) => (await CaseAsync(id)).GetProperty("incidentNumber").GetString()!;

    private async Task<List<JsonElement>> TimelineAsync(Guid id) =>
        (await _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).EnumerateArray().ToList();

    private static List<JsonElement> Links(JsonElement detail) => detail.GetProperty("possibleLinks").EnumerateArray().ToList();
}
