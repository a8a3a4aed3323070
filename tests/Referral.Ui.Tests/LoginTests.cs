using Microsoft.Playwright;
using Referral.Testing;
using static Microsoft.Playwright.Assertions;

namespace Referral.Ui.Tests;

/// <summary>The sign-in page: wrong passwords, lockout, the way back, signing out.</summary>
public sealed class LoginTests : UiFixture
{
    [Test]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        var page = await Browser.NewPageAsync(App.ServerAddress);
        await page.GotoAsync("/login");

        await SubmitAsync(page, "handler-zyz", "wrong-password");
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("用户名或密码错误");
        for (var i = 0; i < 4; i++) await SubmitAsync(page, "handler-zyz", "wrong-password");
        await SubmitAsync(page, "handler-zyz", Clients.DemoPassword);

        await Expect(page.Locator("#login-error")).ToContainTextAsync("已被锁定");
        Assert.That(page.Url, Does.Contain("/login"));
        await Browser.ScreenshotAsync(page, "login-locked-out");
    }

    [Test]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        var handler = await SignInAsync("handler-fulian", "/inbox");
        Assert.That(handler.Page.Url, Does.EndWith("/inbox"));
        await Expect(handler.Page.Locator("#signed-in-user")).ToContainTextAsync("handler-fulian");

        await handler.Page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await handler.Page.WaitForURLAsync("**/login");
        await handler.GotoAsync("/inbox");
        Assert.That(handler.Page.Url, Does.Contain("/login?ReturnUrl=%2Finbox"));
    }

    [Test]
    public async Task The_return_address_never_leads_off_the_site()
    {
        var page = await Browser.NewPageAsync(App.ServerAddress);
        await page.GotoAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        await SubmitAsync(page, "dispatcher", Clients.DemoPassword);

        Assert.That(new Uri(page.Url).Host, Is.EqualTo(App.ServerAddress.Host));
        Assert.That(page.Url, Does.EndWith("/referrals"));
    }

    [Test]
    public async Task A_page_of_another_role_says_so_in_words()
    {
        var handler = await SignInAsync("handler-fulian");

        var response = await handler.GotoAsync("/referrals/new");

        Assert.That(handler.Page.Url, Does.Contain("/forbidden"));
        Assert.That(response!.Status, Is.EqualTo(403));
        await Expect(handler.Page.Locator("h1")).ToHaveTextAsync("无权访问");
        await Expect(handler.Page.GetByRole(AriaRole.Link, new() { Name = "部门待办" })).ToBeVisibleAsync();
    }

    private static async Task SubmitAsync(IPage page, string userName, string password)
    {
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
