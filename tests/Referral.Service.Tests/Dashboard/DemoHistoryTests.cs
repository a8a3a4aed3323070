using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Cases;
using Referral.Core.Cases.Chain;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Testing;

namespace Referral.Service.Tests.Dashboard;

/// <summary>Demo:History gives the embedded default a past worth a dashboard, made only of real trajectories.</summary>
public sealed class DemoHistoryTests
{
    private ReferralApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Settings = new Dictionary<string, string?> { ["Demo:History"] = "true" } });
        await _app.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task About_four_hundred_cases_with_intact_trajectories_none_in_the_future()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var cases = await db.Cases.AsNoTracking().ToListAsync();
        var timeline = (await db.Timeline.AsNoTracking().ToListAsync()).ToLookup(t => t.CaseId);
        var key = scope.ServiceProvider.GetRequiredService<ChainKey>();

        Assert.That(cases, Has.Count.InRange(360, 440));
        Assert.That(cases.Select(c => ChainVerification.Verify(timeline[c.Id].OrderBy(t => t.Sequence).ToList(), c, key).Intact),
            Is.All.True);
        Assert.That(timeline.SelectMany(t => t).Max(t => t.At), Is.LessThanOrEqualTo(DateTimeOffset.UtcNow));
        Assert.That(cases.Min(c => c.ReferredAt), Is.GreaterThan(DateTimeOffset.UtcNow.AddMonths(-25)));
        Assert.That(cases.Select(c => c.Status).Distinct(), Is.SupersetOf(new[] { CaseStatus.Closed, CaseStatus.FollowedUp }));
    }

    [Test]
    public async Task Invented_parties_have_valid_phones_and_ID_numbers()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var parties = (await db.Cases.AsNoTracking().ToListAsync()).SelectMany(c => c.Parties).ToList();

        Assert.That(parties, Has.Count.GreaterThan(700));
        Assert.That(parties.Where(p => MobileNumber.Normalize(p.Phone) is null).Select(p => p.Phone), Is.Empty);
        Assert.That(parties.Where(p => IdCardNumber.Check(p.IdNumber!, DateOnly.FromDateTime(DateTime.UtcNow), out _) != IdCardNumber.Problem.None).Select(p => p.IdNumber), Is.Empty);
    }

    [Test]
    public async Task The_dashboard_shows_fewer_disputes_than_a_year_ago_and_no_case_turned_criminal()
    {
        using var supervisor = await _app.CreateUserClientAsync("supervisor");

        var summary = await supervisor.GetFromJsonAsync<JsonElement>("/api/statistics/summary");

        var yearOnYear = summary.GetProperty("yearOnYear");
        Assert.That(yearOnYear.GetProperty("current").GetInt32(), Is.LessThan(yearOnYear.GetProperty("previous").GetInt32()));
        var headline = summary.GetProperty("headline");
        Assert.That(headline.GetProperty("turnedCriminal").GetInt32(), Is.Zero);
        Assert.That(headline.GetProperty("recurrence").GetProperty("count").GetInt32(), Is.GreaterThan(0));
        Assert.That(headline.GetProperty("dailyFeedback").GetProperty("ratePercent").GetDouble(), Is.InRange(80.0, 97.0));
    }
}
