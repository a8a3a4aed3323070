using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Testing;

namespace Referral.Service.Tests.Notifications;

/// <summary>New cases reach their departments by email, a burst of them in one email per department.</summary>
public sealed class RoutedNoticeTests
{
    private ReferralApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Settings = new Dictionary<string, string?> { ["Notifications:RoutedWindow"] = "00:00:03" } });
        await _app.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Three_new_cases_for_one_department_arrive_there_as_one_email_listing_them_masked()
    {
        using var station = _app.CreateStationClient();
        var incidents = new List<string>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var referral = Referrals.Valid(disputeType: "消费", address: Referrals.UniqueAddress());
            incidents.Add(referral.IncidentNumber!);
            using var response = await station.PostAsJsonAsync("/api/referrals", referral);
            response.EnsureSuccessStatusCode();
        }

        var mail = await Eventually.GetAsync(async () =>
        {
            var rows = await _app.QueryAsync(db => db.OutgoingMail.AsNoTracking()
                .Where(m => m.Kind == "case-routed" && m.ToAddress == "scjg@gutang.example").ToListAsync());
            return incidents.All(i => rows.Any(m => m.TextBody.Contains(i, StringComparison.Ordinal))) ? rows : null;
        }, TimeSpan.FromSeconds(90), "the routed-case email to market supervision");

        Assert.That(mail, Has.Count.EqualTo(1), "one email for the three cases");
        Assert.That(mail[0].Subject, Does.Contain("3件"));
        Assert.That(PersonalData.ContainsUnmaskedNumbers(mail[0].TextBody + mail[0].HtmlBody), Is.False);
    }
}
