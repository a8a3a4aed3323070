using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>
/// Through the intake: only the same person or the same dwelling makes a referral a recurrence (red,
/// linked); a shared street, community, estate or village group with the same dispute type is a
/// possible link that leaves the color alone; nothing outside the 180 days. The service's clock only
/// moves forward here (so the coordinator signs in anew for each row); every row has places of its own (<see cref="Referrals.UniqueName"/>), so rows
/// never link to each other.
/// </summary>
public sealed class RecurrenceByPlaceTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ReferralApp _app = null!;
    private HttpClient _station = null!;

    public enum Shared { Nobody, Phone, IdNumber }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Services = s => s.AddSingleton<TimeProvider>(_clock) });
        await _app.StartAsync();
        _station = _app.CreateStationClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        await _app.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> Table()
    {
        TestCaseData Row(string level, Func<(string Earlier, string Later)> places, Shared party, int days, string laterType, string color,
            string? matchedOn, bool possibleLink) =>
            new TestCaseData(places, party, days, laterType, color, matchedOn, possibleLink)
                .SetArgDisplayNames(level, party.ToString(), $"{days} days later", laterType);

        (string, string) Street() { var s = $"古塘街道{Referrals.UniqueName()}街"; return (s, "慈溪市" + s); }
        (string, string) Estate() { var s = $"慈溪市古塘街道{Referrals.UniqueName()}小区"; return (s, s); }
        (string, string) Group() { var g = $"慈溪市古塘街道白沙村{Random.Shared.Next(1000, 1_000_000)}组"; return (g, g.Replace("慈溪市古塘街道", "")); }
        (string, string) Dwelling() { var d = Referrals.UniqueAddress(); return (d, d.Replace("慈溪市", "")); }

        yield return Row("street", Street, Shared.Nobody, 10, "邻里", "green", null, true);
        yield return Row("street", Street, Shared.Nobody, 10, "消费", "green", null, false);
        yield return Row("community", () => ("慈溪市古塘街道潮塘社区", "潮塘社区"), Shared.Nobody, 10, "邻里", "green", null, true);
        yield return Row("estate", Estate, Shared.Nobody, 10, "邻里", "green", null, true);
        yield return Row("village group", Group, Shared.Nobody, 10, "邻里", "green", null, true);
        yield return Row("dwelling", Dwelling, Shared.Nobody, 10, "消费", "red", "住址", false);
        yield return Row("street", Street, Shared.Phone, 10, "邻里", "red", "当事人电话", false);
        yield return Row("estate", Estate, Shared.IdNumber, 10, "消费", "red", "当事人身份证号", false);
        yield return Row("dwelling", Dwelling, Shared.Nobody, 179, "邻里", "red", "住址", false);
        yield return Row("dwelling", Dwelling, Shared.Nobody, 181, "邻里", "green", null, false);
        yield return Row("street", Street, Shared.Phone, 181, "邻里", "green", null, false);
        yield return Row("street", Street, Shared.Nobody, 181, "邻里", "green", null, false);
    }

    [TestCaseSource(nameof(Table))]
    public async Task Referral_at_a_place_is_a_recurrence_only_for_the_same_person_or_dwelling(Func<(string Earlier, string Later)> places, Shared party,
        int days, string laterType, string color, string? matchedOn, bool possibleLink)
    {
        var (earlierPlace, laterPlace) = places();
        var (phone, id) = (Referrals.Phone(), Referrals.IdNumber());
        var earlier = await ReferAsync(Referrals.Valid(disputeType: "邻里", address: earlierPlace, phone: phone, idNumber: id));
        _clock.Advance(TimeSpan.FromDays(days));

        var later = await ReferAsync(Referrals.Valid(disputeType: laterType, address: laterPlace,
            phone: party == Shared.Phone ? phone : null, idNumber: party == Shared.IdNumber ? id : null));

        var earlierId = earlier.GetProperty("caseId").GetGuid();
        using var coordinator = await _app.CreateUserClientAsync("coordinator");
        var detail = await coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{later.GetProperty("caseId").GetGuid()}");
        Assert.That(later.GetProperty("color").GetString(), Is.EqualTo(color));
        Assert.That(Guid(later.GetProperty("recurrenceOf")), Is.EqualTo(matchedOn is null ? null : earlierId));
        var recurrence = detail.GetProperty("grading").GetProperty("factors").EnumerateArray()
            .Where(f => f.GetProperty("code").GetString() == "recurrence").Select(f => f.GetProperty("description").GetString()).ToList();
        Assert.That(recurrence, matchedOn is null ? Is.Empty : Has.One.Contains(matchedOn).And.One.Contains(earlier.GetProperty("incidentNumber").GetString()));
        var links = detail.GetProperty("possibleLinks").EnumerateArray().ToList();
        Assert.That(links.Select(l => l.GetProperty("earlierCase").GetGuid()), Is.EqualTo(possibleLink ? new[] { earlierId } : []));
        if (possibleLink)
        {
            Assert.That(links[0].GetProperty("state").GetString(), Is.EqualTo("open"));
            Assert.That(links[0].GetProperty("earlierIncidentNumber").GetString(), Is.EqualTo(earlier.GetProperty("incidentNumber").GetString()));
        }
    }

    private async Task<JsonElement> ReferAsync(IncidentReferred referral)
    {
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral with { OccurredAt = _clock.GetUtcNow().AddHours(-2) });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body;
    }

    private static Guid? Guid(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetGuid();
}
