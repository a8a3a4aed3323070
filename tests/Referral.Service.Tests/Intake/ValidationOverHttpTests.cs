using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Privacy;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>Every validation rule answered over HTTP with its field; the Core tests cover the rules in depth.</summary>
public sealed class ValidationOverHttpTests
{
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

    private static PartyInfo Party(Func<PartyInfo, PartyInfo> change) =>
        change(new PartyInfo { Name = "王小明", Gender = "男", Phone = Referrals.Phone(), IdNumber = Referrals.IdNumber(), Role = "当事人" });

    private static IEnumerable<TestCaseData> Rules()
    {
        TestCaseData Case(string field, string rule, Func<IncidentReferred, IncidentReferred> change) =>
            new TestCaseData(change, field).SetArgDisplayNames(field, rule);

        var id = Referrals.IdNumber();
        yield return Case("incidentNumber", "required", r => r with { IncidentNumber = " " });
        yield return Case("incidentNumber", "characters", r => r with { IncidentNumber = "警情#2026" });
        yield return Case("incidentNumber", "length", r => r with { IncidentNumber = new string('A', 41) });
        yield return Case("stationCode", "unknown", r => r with { StationCode = "nowhere" });
        yield return Case("occurredAt", "required", r => r with { OccurredAt = null });
        yield return Case("occurredAt", "future", r => r with { OccurredAt = DateTimeOffset.UtcNow.AddHours(1) });
        yield return Case("occurredAt", "too old", r => r with { OccurredAt = DateTimeOffset.UtcNow.AddYears(-11) });
        yield return Case("address", "required", r => r with { Address = null });
        yield return Case("address", "length", r => r with { Address = new string('路', 201) });
        yield return Case("areaCode", "unknown", r => r with { AreaCode = "atlantis" });
        yield return Case("disputeType", "required", r => r with { DisputeType = "" });
        yield return Case("disputeType", "unknown", r => r with { DisputeType = "打麻将" });
        yield return Case("summary", "required", r => r with { Summary = null });
        yield return Case("summary", "length", r => r with { Summary = new string('吵', 4001) });
        yield return Case("summary", "control characters", r => r with { Summary = "双方争吵\u0007" });
        yield return Case("policeAction", "required", r => r with { PoliceAction = "  " });
        yield return Case("officerName", "length", r => r with { OfficerName = new string('潘', 51) });
        yield return Case("parties", "none", r => r with { Parties = [] });
        yield return Case("parties", "missing", r => r with { Parties = null });
        yield return Case("parties", "too many", r => r with { Parties = Enumerable.Range(0, 51).Select(_ => Party(p => p)).ToList() });
        yield return Case("parties[0].name", "required", r => r with { Parties = [Party(p => p with { Name = null })] });
        yield return Case("parties[0].gender", "unknown", r => r with { Parties = [Party(p => p with { Gender = "X" })] });
        yield return Case("parties[0].phone", "not a mobile", r => r with { Parties = [Party(p => p with { Phone = "057463012345" })] });
        yield return Case("parties[1].idNumber", "length", r => r with { Parties = [Party(p => p), Party(p => p with { IdNumber = id[..17] })] });
        yield return Case("parties[0].idNumber", "check digit", r => r with { Parties = [Party(p => p with { IdNumber = WrongCheckDigit(id) })] });
        yield return Case("parties[0].idNumber", "birth date", r => r with { Parties = [Party(p => p with { IdNumber = WithBirthDate(id, "20230230") })] });
        yield return Case("parties[0].idNumber", "birth date in the future",
            r => r with { Parties = [Party(p => p with { IdNumber = WithBirthDate(id, DateTime.UtcNow.AddDays(3).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)) })] });
        yield return Case("parties[0].idNumber", "characters", r => r with { Parties = [Party(p => p with { IdNumber = "33028219800101A23X" })] });
        yield return Case("parties[0].address", "length", r => r with { Parties = [Party(p => p with { Address = new string('路', 201) })] });
        yield return Case("parties[0].role", "length", r => r with { Parties = [Party(p => p with { Role = new string('方', 21) })] });
        yield return Case("risk.policeCallsLast30Days", "negative", r => r with { Risk = new RiskInfo { PoliceCallsLast30Days = -1 } });
        yield return Case("risk.partiesCount", "too many", r => r with { Risk = new RiskInfo { PartiesCount = 100_001 } });
        yield return Case("risk.amountAtStakeYuan", "negative", r => r with { Risk = new RiskInfo { AmountAtStakeYuan = -0.01m } });
    }

    [TestCaseSource(nameof(Rules))]
    public async Task Invalid_referral_is_answered_400_naming_the_field(Func<IncidentReferred, IncidentReferred> change, string field)
    {
        var referral = change(Referrals.Valid());

        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }));
        Assert.That(problem.GetProperty("errors").GetProperty(field)[0].GetString(), Is.Not.Empty);
        Assert.That(PersonalData.ContainsUnmaskedNumbers(problem.GetRawText()), Is.False, "errors never repeat the values sent");
        if (referral.IncidentNumber is { Length: > 0 and <= 40 } number)
            Assert.That(await _app.QueryAsync(db => db.Cases.CountAsync(c => c.IncidentNumber == number)), Is.Zero, "nothing stored");
    }

    [Test]
    public async Task All_the_invalid_fields_of_one_referral_are_named_at_once()
    {
        var referral = Referrals.Valid(phone: "12345") with { IncidentNumber = null, DisputeType = "打麻将", Risk = new RiskInfo { PartiesCount = -2 } };

        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EquivalentTo(new[] { "incidentNumber", "disputeType", "parties[0].phone", "risk.partiesCount" }));
    }

    private static string WrongCheckDigit(string id) =>
        id[..17] + (IdCardNumber.CheckCharacterOf(id[..17]) == '0' ? '1' : '0');

    private static string WithBirthDate(string id, string yyyymmdd)
    {
        var first17 = id[..6] + yyyymmdd + id[14..17];
        return first17 + IdCardNumber.CheckCharacterOf(first17);
    }
}
