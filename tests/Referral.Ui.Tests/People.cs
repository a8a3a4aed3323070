using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>
/// A person in a browser of their own (own cookies), signed in through the sign-in page as people do,
/// and the screenshots of the pages they see, numbered in the order of the test.
/// </summary>
public sealed class Person
{
    private static int _shots;

    private Person(IPage page, string userName)
    {
        Page = page;
        UserName = userName;
    }

    public IPage Page { get; }
    public string UserName { get; }

    /// <summary>
    /// Opens <paramref name="path"/>, a page that needs signing in: the site sends the visitor to sign
    /// in and back. Without a path, the person signs in at /login and lands where their role starts.
    /// </summary>
    public static async Task<Person> SignInAsync(Browser browser, ReferralApp app, string userName, string? path = null)
    {
        var page = await browser.NewPageAsync(app.ServerAddress);
        await page.GotoAsync(path ?? "/login");
        Assert.That(page.Url, Does.Contain("/login"), "a visitor who is not signed in is sent to the sign-in page");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(Clients.DemoPassword);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return new Person(page, userName);
    }

    public async Task<IResponse?> GotoAsync(string path) => await Page.GotoAsync(path);

    public async Task ShotAsync(string name) =>
        await Browser.ScreenshotAsync(Page, $"{Interlocked.Increment(ref _shots):D2}-{name}");

    /// <summary>Opens an action's form on the case page, lets <paramref name="fill"/> fill it in, submits it and waits for the page it leads to.</summary>
    public async Task ActAsync(string slug, Func<ILocator, Task>? fill = null)
    {
        var form = Page.Locator($"#action-{slug}");
        await form.Locator("summary").ClickAsync();
        if (fill is not null) await fill(form);
        await form.Locator($"#do-{slug}").ClickAsync();
        await Page.WaitForURLAsync(new Regex($"done={Regex.Escape(slug)}"));
    }
}
