using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>The initial color end to end, and recurrences linked on both timelines.</summary>
public sealed class GradingAndRecurrenceTests
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

    private static IEnumerable<TestCaseData> Colors()
    {
        TestCaseData Case(string why, string disputeType, RiskInfo risk, string color, params string[] factors) =>
            new TestCaseData(disputeType, risk, color, factors).SetArgDisplayNames(why);

        yield return Case("threats", "邻里", new RiskInfo { ThreatsOrWeapons = true }, "red", "threats-or-weapons");
        yield return Case("violence", "邻里", new RiskInfo { Violence = true }, "red", "violence");
        yield return Case("self-harm", "婚姻家庭", new RiskInfo { SelfHarmRisk = true }, "red", "self-harm-risk");
        yield return Case("three calls", "邻里", new RiskInfo { PoliceCallsLast30Days = 3 }, "red", "repeat-calls");
        yield return Case("group dispute", "劳动争议/欠薪", new RiskInfo { PartiesCount = 5 }, "red", "group-dispute");
        yield return Case("threats and vulnerable", "邻里", new RiskInfo { ThreatsOrWeapons = true, VulnerablePersons = true }, "red",
            "threats-or-weapons", "vulnerable-persons");
        yield return Case("vulnerable persons", "邻里", new RiskInfo { VulnerablePersons = true }, "yellow", "vulnerable-persons");
        yield return Case("two calls", "消费", new RiskInfo { PoliceCallsLast30Days = 2 }, "yellow", "repeat-call");
        yield return Case("money", "合同债务", new RiskInfo { AmountAtStakeYuan = 50_001m }, "yellow", "money-at-stake");
        yield return Case("left home, marriage", "婚姻家庭", new RiskInfo { LeftHome = true }, "yellow", "left-home");
        yield return Case("left home, consumer", "消费", new RiskInfo { LeftHome = true }, "green");
        yield return Case("one call", "邻里", new RiskInfo { PoliceCallsLast30Days = 1 }, "green");
        yield return Case("no assessment", "邻里", new RiskInfo(), "green");
    }

    [TestCaseSource(nameof(Colors))]
    public async Task Initial_color_comes_from_the_risk_assessment_and_its_factors_are_kept(string disputeType, RiskInfo risk, string color,
        string[] factors)
    {
        var referral = Referrals.Valid(disputeType: disputeType, address: Referrals.UniqueAddress(), risk: risk);

        var receipt = await ReferAsync(referral);
        var detail = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.GetProperty("caseId").GetGuid()}");

        Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo(color));
        Assert.That(FactorCodes(receipt), Is.EquivalentTo(factors));
        Assert.That(detail.GetProperty("color").GetString(), Is.EqualTo(color), "as stored");
        Assert.That(FactorCodes(detail), Is.EquivalentTo(factors), "as stored");
        Assert.That(receipt.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("phone")]
    [TestCase("phone written otherwise")]
    [TestCase("idNumber")]
    [TestCase("dwelling")]
    public async Task Referral_sharing_a_party_or_the_dwelling_with_a_recent_case_is_red_and_linked_on_both_timelines(string shared)
    {
        var (phone, id, address) = (Referrals.Phone(), Referrals.IdNumber(), Referrals.UniqueAddress());
        var first = await ReferAsync(Referrals.Valid(disputeType: "邻里", phone: phone, idNumber: id, address: address));
        var again = shared switch
        {
            "phone" => Referrals.Valid(disputeType: "邻里", phone: phone, address: Referrals.UniqueAddress()),
            "phone written otherwise" => Referrals.Valid(disputeType: "邻里", phone: $"+86 {phone[..3]}-{phone[3..7]}-{phone[7..]}",
                address: Referrals.UniqueAddress()),
            "idNumber" => Referrals.Valid(disputeType: "邻里", idNumber: id, address: Referrals.UniqueAddress()),
            _ => Referrals.Valid(disputeType: "邻里", address: address.Replace("慈溪市", "", StringComparison.Ordinal)),
        };

        var second = await ReferAsync(again);

        var (firstId, secondId) = (first.GetProperty("caseId").GetGuid(), second.GetProperty("caseId").GetGuid());
        var matchedOn = shared.StartsWith("phone", StringComparison.Ordinal) ? "当事人电话" : shared == "idNumber" ? "当事人身份证号" : "住址";
        Assert.That(first.GetProperty("color").GetString(), Is.EqualTo("green"));
        Assert.That(second.GetProperty("color").GetString(), Is.EqualTo("red"));
        Assert.That(FactorCodes(second), Does.Contain("recurrence"));
        Assert.That(Factor(second, "recurrence"), Does.Contain(first.GetProperty("incidentNumber").GetString()).And.Contain(matchedOn),
            "the factor names the earlier case and what matched");
        Assert.That(second.GetProperty("recurrenceOf").GetGuid(), Is.EqualTo(firstId));
        Assert.That(await LinksAsync(secondId), Is.EqualTo(new[] { (firstId.ToString(), matchedOn) }), "on the new case");
        Assert.That(await LinksAsync(firstId), Is.EqualTo(new[] { (secondId.ToString(), matchedOn) }), "on the earlier case");
    }

    [Test]
    public async Task Another_person_at_another_address_is_not_a_recurrence()
    {
        var first = await ReferAsync(Referrals.Valid(disputeType: "邻里", address: Referrals.UniqueAddress()));

        var second = await ReferAsync(Referrals.Valid(disputeType: "邻里", address: Referrals.UniqueAddress()));

        Assert.That(second.GetProperty("color").GetString(), Is.EqualTo("green"));
        Assert.That(second.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(await LinksAsync(first.GetProperty("caseId").GetGuid()), Is.Empty);
        Assert.That(await LinksAsync(second.GetProperty("caseId").GetGuid()), Is.Empty);
    }

    private async Task<JsonElement> ReferAsync(IncidentReferred referral)
    {
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<(string Case, string MatchedOn)>> LinksAsync(Guid caseId)
    {
        var entries = await _app.QueryAsync(db => db.Timeline.AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Action == CaseAction.LinkRecurrence).ToListAsync());
        return entries.Select(e => (e.DetailValues()["case"], e.DetailValues()["matchedOn"])).ToList();
    }

    private static string? Factor(JsonElement caseOrReceipt, string code) =>
        caseOrReceipt.GetProperty("grading").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == code)
            .GetProperty("description").GetString();

    private static IEnumerable<string?> FactorCodes(JsonElement caseOrReceipt) =>
        caseOrReceipt.GetProperty("grading").GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("code").GetString());
}
