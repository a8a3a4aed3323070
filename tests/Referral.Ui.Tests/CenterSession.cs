using System.Text.Json;
using Microsoft.Playwright;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>
/// What the tests of the center's and the admin's pages share: a page signed in as a demo user (the
/// API's bearer token sent on every request, so these tests do not depend on the sign-in page) and
/// referrals sent with the station's API key.
/// </summary>
internal static class CenterSession
{
    public static async Task<IPage> SignedInPageAsync(this Browser browser, ReferralApp app, string userName)
    {
        var page = await browser.NewPageAsync(app.ServerAddress);
        var login = await page.APIRequest.PostAsync("/api/auth/login",
            new APIRequestContextOptions { DataObject = new { userName, password = Clients.DemoPassword } });
        Assert.That(login.Status, Is.EqualTo(200), $"sign-in as {userName}");
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        return page;
    }

    /// <summary>Sends a referral as the demo station's system and answers the receipt.</summary>
    public static async Task<JsonElement> ReferAsync(this IPage page, IncidentReferred referral)
    {
        var response = await page.APIRequest.PostAsync("/api/referrals", new APIRequestContextOptions
        {
            DataObject = referral,
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = Clients.DemoApiKey },
        });
        Assert.That(response.Status, Is.EqualTo(201), await response.TextAsync());
        return (await response.JsonAsync())!.Value;
    }

    public static async Task<JsonElement> GetJsonAsync(this IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.That(response.Status, Is.EqualTo(200), path);
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>The page fits the viewport's width: nothing scrolls sideways (a table may scroll inside its own box).</summary>
    public static async Task AssertNoSidewaysScrollAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways");
    }
}
