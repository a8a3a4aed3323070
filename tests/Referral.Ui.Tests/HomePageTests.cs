using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

public sealed class HomePageTests : UiFixture
{
    [Test]
    public async Task Home_page_shows_its_Chinese_title_in_Chromium()
    {
        var page = await Browser.NewPageAsync(App.ServerAddress);

        await page.GotoAsync("/");

        Assert.That(await page.TitleAsync(), Does.Contain("警情通办"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("警情通办"));
        var topBar = await page.Locator(".topbar").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.That(topBar, Is.EqualTo("rgb(27, 79, 156)"), "the stylesheet did not load");
        await Browser.ScreenshotAsync(page, "home");
    }
}
