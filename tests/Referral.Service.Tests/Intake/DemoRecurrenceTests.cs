using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>
/// The embedded demo with its history (Demo:History): referrals at street-, community- or village-level
/// addresses get the color of their own risk, whatever the 400 past cases hold; a referral of a past
/// case's caller, ID number or dwelling is still red and linked to it.
/// </summary>
public sealed class DemoRecurrenceTests
{
    private ReferralApp _app = null!;
    private HttpClient _station = null!;
    private Case _past = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Settings = new Dictionary<string, string?> { ["Demo:History"] = "true" } });
        await _app.StartAsync();
        _station = _app.CreateStationClient();
        var since = DateTimeOffset.UtcNow.AddDays(-150);
        _past = await _app.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.OccurredAt > since).OrderBy(c => c.OccurredAt).FirstAsync());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("古塘街道步行街", null, "green")]
    [TestCase("古塘街道三北大街", null, "green")]
    [TestCase("古塘街道明月小区", null, "green")]
    [TestCase("古塘街道东门村", null, "green")]
    [TestCase("慈溪市古塘街道潮塘社区", null, "green")]
    [TestCase("古塘街道步行街", "塘东村", "green")]
    [TestCase("古塘街道三北大街", "慈溪市古塘街道塘西村", "yellow")]
    public async Task Referral_at_a_coarse_address_gets_the_color_of_its_own_risk(string address, string? partyAddress, string color)
    {
        var referral = Referrals.Valid(disputeType: "邻里", address: address,
            risk: color == "yellow" ? new RiskInfo { VulnerablePersons = true } : new RiskInfo { PoliceCallsLast30Days = 1 });
        referral = referral with { Parties = [.. referral.Parties!.Select(p => p with { Address = partyAddress })] };

        var receipt = await ReferAsync(referral);

        Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo(color));
        Assert.That(receipt.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(receipt.GetProperty("grading").GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("code").GetString()),
            Has.None.EqualTo("recurrence"));
    }

    [TestCase("phone", "当事人电话")]
    [TestCase("idNumber", "当事人身份证号")]
    [TestCase("dwelling", "住址")]
    public async Task Referral_of_a_past_case_s_person_or_dwelling_is_red_and_linked(string shared, string matchedOn)
    {
        var party = _past.Parties[0];
        var referral = shared switch
        {
            "phone" => Referrals.Valid(disputeType: "消费", address: "古塘街道步行街", phone: party.Phone),
            "idNumber" => Referrals.Valid(disputeType: "消费", address: "古塘街道三北大街", idNumber: party.IdNumber),
            _ => Referrals.Valid(disputeType: "消费", address: _past.Address.Replace("慈溪市", "", StringComparison.Ordinal)),
        };

        var receipt = await ReferAsync(referral);

        Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo("red"));
        var earlier = receipt.GetProperty("recurrenceOf").GetGuid();
        var linked = await _app.QueryAsync(db => db.Cases.AsNoTracking().FirstAsync(c => c.Id == earlier));
        var same = shared switch
        {
            "phone" => linked.Parties.Any(p => p.Phone == party.Phone),
            "idNumber" => linked.Parties.Any(p => p.IdNumber == party.IdNumber),
            _ => linked.Address == _past.Address || linked.Parties.Any(p => p.Address == _past.Address),
        };
        Assert.That(same, Is.True, $"linked to a past case with the same {shared}");
        var factor = receipt.GetProperty("grading").GetProperty("factors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "recurrence");
        Assert.That(factor.GetProperty("description").GetString(), Does.Contain(matchedOn).And.Contain(linked.IncidentNumber));
    }

    private async Task<JsonElement> ReferAsync(IncidentReferred referral)
    {
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body;
    }
}
