using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>
/// A station re-sends an incident with changed content: a case nobody has accepted yet goes where the
/// amended content sends it, and the trajectory says so; an accepted case stays with its department.
/// </summary>
public sealed class AmendedRoutingTests
{
    private const string Rerouted = "派出所补充更正后，按更正后的内容重新分流：";
    private ReferralApp _app = null!;
    private HttpClient _station = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _station = _app.CreateStationClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("消费", "劳动争议/欠薪", "Routed", "ldjc", "route", TestName = "Routed case amended to another type goes to that type's department")]
    [TestCase("其他", "消费", "Routed", "scjg", "route", TestName = "Case in triage amended to a type a rule takes is routed by that rule")]
    [TestCase("消费", "其他", "Triage", null, "send-to-triage", TestName = "Routed case amended to a type no rule takes goes back to triage")]
    public async Task Amended_case_not_yet_accepted_is_routed_by_the_amended_content(string firstType, string amendedType, string status,
        string? lead, string action)
    {
        var referral = Referrals.Valid(disputeType: firstType, address: Referrals.UniqueAddress());
        var created = await ReferAsync(referral, HttpStatusCode.Created);
        var id = created.GetProperty("caseId").GetGuid();

        var amended = await ReferAsync(referral with { DisputeType = amendedType }, HttpStatusCode.OK);

        Assert.That(amended.GetProperty("outcome").GetString(), Is.EqualTo("amended"));
        Assert.That(amended.GetProperty("status").GetString(), Is.EqualTo(status));
        Assert.That(amended.GetProperty("department").ValueKind == JsonValueKind.Null ? null : amended.GetProperty("department").GetProperty("code").GetString(),
            Is.EqualTo(lead));
        var stored = await _app.QueryAsync(db => db.Cases.AsNoTracking().FirstAsync(c => c.Id == id));
        Assert.That((stored.Status.ToString(), stored.LeadDepartmentCode), Is.EqualTo((status, lead)));
        var last = (await TimelineAsync(id))[^2..];
        Assert.That(last.Select(e => e.Action.Slug()), Is.EqualTo(new[] { "amend", action }), "the amendment, then the new routing");
        Assert.That(last[1].Note, Does.StartWith(Rerouted));
        var harness = _app.Services.GetRequiredService<ITestHarness>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.That(await harness.Published.Any<CaseRouted>(m => m.Context.Message.CaseId == id && m.Context.Message.Status == status
                                                                  && m.Context.Message.DepartmentCode == lead, timeout.Token),
            Is.True, "the new department (or the center's triage) is told");
    }

    [Test]
    public async Task Accepted_case_amended_to_another_type_stays_with_its_department()
    {
        var referral = Referrals.Valid(disputeType: "消费", address: Referrals.UniqueAddress());
        var id = (await ReferAsync(referral, HttpStatusCode.Created)).GetProperty("caseId").GetGuid();
        using (var market = await _app.CreateUserClientAsync("handler-scjg"))
        using (var accepted = await market.PostAsJsonAsync($"/api/cases/{id}/accept", new { note = "已签收" }))
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), "arrange: market supervision accepts");

        var amended = await ReferAsync(referral with { DisputeType = "劳动争议/欠薪" }, HttpStatusCode.OK);

        Assert.That(amended.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(amended.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("scjg"));
        var timeline = await TimelineAsync(id);
        Assert.That(timeline[^1].Action, Is.EqualTo(CaseAction.Amend), "no routing after the amendment");
        Assert.That(timeline.Where(e => e.Note?.StartsWith(Rerouted, StringComparison.Ordinal) == true), Is.Empty);
    }

    [Test]
    public async Task Amendment_the_rules_would_route_the_same_way_leaves_a_rejected_case_in_triage()
    {
        var referral = Referrals.Valid(disputeType: "消费", address: Referrals.UniqueAddress());
        var id = (await ReferAsync(referral, HttpStatusCode.Created)).GetProperty("caseId").GetGuid();
        using (var market = await _app.CreateUserClientAsync("handler-scjg"))
        using (var rejected = await market.PostAsJsonAsync($"/api/cases/{id}/reject", new { reason = "系邻里纠纷，不属消费纠纷" }))
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK), "arrange: market supervision sends it back");

        var amended = await ReferAsync(referral with { Summary = referral.Summary + "补充：对方已同意调解。" }, HttpStatusCode.OK);

        Assert.That(amended.GetProperty("status").GetString(), Is.EqualTo("Triage"), "not sent back to the department that refused it");
        Assert.That((await TimelineAsync(id))[^1].Action, Is.EqualTo(CaseAction.Amend));
    }

    private async Task<JsonElement> ReferAsync(IncidentReferred referral, HttpStatusCode expected)
    {
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body.ToString());
        return body;
    }

    private Task<List<TimelineEntry>> TimelineAsync(Guid id) =>
        _app.QueryAsync(db => db.Timeline.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync());
}
