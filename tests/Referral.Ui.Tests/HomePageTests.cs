using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

public sealed class HomePageTests
{
    private ReferralApp _app = null!;
    private Browser _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Kestrel = true });
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
    public async Task Home_page_shows_its_Chinese_title_in_Chromium()
    {
        var page = await _browser.NewPageAsync(_app.ServerAddress);

        await page.GotoAsync("/");

        Assert.That(await page.TitleAsync(), Does.Contain("警情通办"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("警情通办"));
        var topBar = await page.Locator(".topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.That(topBar, Is.EqualTo("rgb(27, 79, 156)"), "the stylesheet did not load");
        await Browser.ScreenshotAsync(page, "home");
    }
}
