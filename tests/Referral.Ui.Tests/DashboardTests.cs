using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>
/// The supervisor's dashboard in Chromium, drawn from the demo history (Demo:History). Signing in goes
/// through the API's bearer token, sent on every request of the page, so that these tests do not depend
/// on the sign-in page.
/// </summary>
public sealed class DashboardTests
{
    private static readonly string[] Charts = ["monthly", "trend", "dispute-types", "colors", "departments", "stations"];
    private ReferralApp _app = null!;
    private Browser _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions
        {
            Kestrel = true,
            Settings = new Dictionary<string, string?> { ["Demo:History"] = "true" },
        });
        await _app.StartAsync();
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Supervisor_sees_the_figures_and_every_chart_with_its_export()
    {
        var page = await SignedInPageAsync("supervisor");
        var summary = await GetJsonAsync(page, "/api/statistics/summary");

        var response = await page.GotoAsync("/dashboard");

        Assert.That(response!.Status, Is.EqualTo(200));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("统计分析"));
        var headline = summary.GetProperty("headline");
        Assert.That(headline.GetProperty("referred").GetInt32(), Is.GreaterThan(100), "the demo history was not seeded");
        Assert.That(await ValueOfAsync(page, "stat-referred"), Is.EqualTo(Count(headline, "referred")));
        Assert.That(await ValueOfAsync(page, "stat-resolved"), Is.EqualTo(Count(headline, "resolved")));
        Assert.That(await ValueOfAsync(page, "stat-daily-feedback"), Does.EndWith("%"));
        Assert.That(await ValueOfAsync(page, "stat-turned-criminal"), Is.EqualTo("0"));
        foreach (var chart in Charts)
        {
            var figure = page.Locator($"figure#{chart}");
            Assert.That(await figure.Locator("svg[role=img] title").CountAsync(), Is.GreaterThan(0), chart);
            Assert.That(await figure.Locator("svg[role=img] rect, svg[role=img] polyline").CountAsync(), Is.GreaterThan(0), $"{chart} draws nothing");
            Assert.That(await figure.Locator("a.csv").GetAttributeAsync("href"), Does.StartWith($"/api/statistics/{chart}.csv?from="));
        }
        Assert.That(await page.Locator("figure#trend polyline").CountAsync(), Is.EqualTo(2), "this period and the previous year");
        Assert.That(await page.Locator("figure#colors svg text.label").AllTextContentsAsync(), Is.EqualTo(new[] { "红色预警", "黄色预警", "绿色预警" }));
        await Browser.ScreenshotAsync(page, "dashboard");
    }

    [Test]
    public async Task On_a_tablet_the_dashboard_fits_the_width()
    {
        var page = await SignedInPageAsync("supervisor");
        await page.SetViewportSizeAsync(820, 1180);

        await page.GotoAsync("/dashboard");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways");
        await Browser.ScreenshotAsync(page, "dashboard-tablet");
    }

    [Test]
    public async Task The_CSV_link_of_a_chart_downloads_its_table()
    {
        var page = await SignedInPageAsync("supervisor");
        await page.GotoAsync("/dashboard");
        var href = await page.Locator("figure#dispute-types a.csv").GetAttributeAsync("href");

        var csv = await page.APIRequest.GetAsync(href!);

        Assert.That(csv.Status, Is.EqualTo(200));
        Assert.That(csv.Headers["content-type"], Does.StartWith("text/csv"));
        var body = await csv.BodyAsync();
        Assert.That(body.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(System.Text.Encoding.UTF8.GetString(body, 3, body.Length - 3), Does.StartWith("纠纷类型代码,纠纷类型,流转"));
    }

    [Test]
    public async Task The_period_picker_shows_the_chosen_months()
    {
        var page = await SignedInPageAsync("supervisor");
        await page.GotoAsync("/dashboard");

        await page.Locator("#from").FillAsync("2026-01");
        await page.Locator("#to").FillAsync("2026-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await page.WaitForURLAsync("**/dashboard?from=2026-01&to=2026-06");
        Assert.That(await page.Locator(".period-line").InnerTextAsync(), Does.Contain("2026年1月 至 2026年6月"));
        Assert.That(await page.Locator("figure#monthly svg g.category").CountAsync(), Is.EqualTo(6));
        await Browser.ScreenshotAsync(page, "dashboard-period");
    }

    [Test]
    public async Task A_handler_is_refused_the_dashboard()
    {
        var page = await SignedInPageAsync("handler-fulian");

        var response = await page.GotoAsync("/dashboard");

        Assert.That(response!.Status, Is.EqualTo(403));
    }

    private async Task<IPage> SignedInPageAsync(string userName)
    {
        var page = await _browser.NewPageAsync(_app.ServerAddress);
        var login = await page.APIRequest.PostAsync("/api/auth/login",
            new APIRequestContextOptions { DataObject = new { userName, password = Clients.DemoPassword } });
        Assert.That(login.Status, Is.EqualTo(200), $"sign-in as {userName}");
        var token = (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString();
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        return page;
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.That(response.Status, Is.EqualTo(200), path);
        return (await response.JsonAsync())!.Value;
    }

    private static string Count(JsonElement headline, string figure) =>
        headline.GetProperty(figure).GetInt32().ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<string> ValueOfAsync(IPage page, string statId) => page.Locator($"#{statId} .value").InnerTextAsync();
}
