using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>
/// The public doors are rate limited, so one client cannot guess passwords or crowd out the other
/// stations: sign-in attempts per minute per address (the API and the sign-in page), referrals per
/// second per station key. Limits are set low here so that a handful of requests reach them.
/// </summary>
public sealed class RateLimitTests
{
    private ReferralApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["RateLimits:LoginsPerMinute"] = "3",
                ["RateLimits:ReferralsPerSecond"] = "1",
                ["RateLimits:ReferralBurst"] = "3",
            },
        });
        await _app.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Sign_in_attempts_through_the_api_and_the_page_share_one_limit_and_showing_the_page_is_not_an_attempt()
    {
        using var client = _app.CreateClient();
        var answers = new List<HttpStatusCode>();
        foreach (var door in new[] { "api", "page", "api", "page", "api" })
        {
            using var response = door == "api"
                ? await client.PostAsJsonAsync("/api/auth/login", new { userName = "dispatcher", password = "not-the-password" })
                : await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.UserName"] = "dispatcher",
                    ["Input.Password"] = "not-the-password",
                }));
            answers.Add(response.StatusCode);
        }
        using var shown = await client.GetAsync("/login");

        Assert.That(answers.Take(3), Has.None.EqualTo(HttpStatusCode.TooManyRequests), "the first three attempts, by either door, are answered");
        Assert.That(answers.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "beyond 3 a minute both doors refuse");
        Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK), "showing the sign-in page is not an attempt");
    }

    [Test]
    public async Task Referrals_beyond_the_burst_get_429_with_problem_details_and_are_not_stored()
    {
        using var station = _app.CreateStationClient();
        var before = await _app.QueryAsync(db => db.Cases.CountAsync());
        var answers = new List<(HttpStatusCode Status, string Body)>();
        // Ten in a row against a burst of 3 and 1 a second: only a machine taking over 0.7 s a request would refill enough.
        for (var i = 0; i < 10; i++)
        {
            using var response = await station.PostAsJsonAsync("/api/referrals", Referrals.Valid(address: Referrals.UniqueAddress()));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.That(answers.Take(3).Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.Created));
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(refused, Is.Not.Empty);
        Assert.That(refused[0].Body, Does.Contain("too many requests"));
        var created = answers.Count(a => a.Status == HttpStatusCode.Created);
        Assert.That(created + refused.Count, Is.EqualTo(10), "every answer is one or the other");
        Assert.That(await _app.QueryAsync(db => db.Cases.CountAsync()) - before, Is.EqualTo(created), "only the accepted referrals became cases");
    }
}
