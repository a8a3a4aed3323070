using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>
/// Recurrences are looked for in the last 180 days, on the service's clock. The clock only moves
/// forward here, and every referral happened shortly before the clock's "now".
/// </summary>
public sealed class RecurrenceWindowTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ReferralApp _app = null!;
    private HttpClient _station = null!;

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

    [TestCase(179, true)]
    [TestCase(181, false)]
    public async Task Same_phone_is_a_recurrence_only_within_180_days(int daysLater, bool linked)
    {
        var phone = Referrals.Phone();
        var first = await ReferAsync(phone);

        _clock.Advance(TimeSpan.FromDays(daysLater));
        var second = await ReferAsync(phone);

        Assert.That(second.GetProperty("recurrenceOf").ValueKind, Is.EqualTo(linked ? JsonValueKind.String : JsonValueKind.Null));
        if (linked) Assert.That(second.GetProperty("recurrenceOf").GetGuid(), Is.EqualTo(first.GetProperty("caseId").GetGuid()));
        Assert.That(second.GetProperty("color").GetString(), Is.EqualTo(linked ? "red" : "green"));
    }

    private async Task<JsonElement> ReferAsync(string phone)
    {
        var referral = Referrals.Valid(phone: phone, disputeType: "邻里", address: Referrals.UniqueAddress()) with
        {
            OccurredAt = _clock.GetUtcNow().AddHours(-2),
        };
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
