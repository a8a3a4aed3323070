using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Referral.Ui.Tests;

/// <summary>Chinese by default; the switch in the top bar turns the pages, and the intake's messages, into English and back.</summary>
public sealed class LocalizationTests : UiFixture
{
    [Test]
    public async Task The_English_switch_shows_English_labels_and_messages_and_is_remembered()
    {
        var dispatcher = await SignInAsync("dispatcher", "/referrals/new");
        var page = dispatcher.Page;
        await Expect(page.Locator("h1")).ToHaveTextAsync("新建流转");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.Locator("#culture-switch").ClickAsync();

        await page.WaitForURLAsync("**/referrals/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("New referral");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("label[for=incidentNumber]")).ToHaveTextAsync("Incident number *");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Our referrals" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.Locator("#submit-referral").ClickAsync();
        await Expect(page.Locator("p.field-error[data-field='address']")).ToHaveTextAsync("is required");
        await dispatcher.ShotAsync("referral-form-english");

        await dispatcher.GotoAsync("/referrals");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Our referrals");

        await page.Locator("#culture-switch").ClickAsync();
        await page.WaitForURLAsync("**/referrals");
        await Expect(page.Locator("h1")).ToHaveTextAsync("本所流转");
    }
}
