using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;
using static Microsoft.Playwright.Assertions;

namespace Referral.Ui.Tests;

/// <summary>The referral form answers a bad referral field by field, with the intake's own messages.</summary>
public sealed class ReferralFormTests : UiFixture
{
    [Test]
    public async Task A_bad_form_shows_each_field_error_next_to_its_field_and_stores_nothing()
    {
        var dispatcher = await SignInAsync("dispatcher", "/referrals/new");
        var page = dispatcher.Page;
        await page.Locator("#incidentNumber").FillAsync("警情 001");
        await page.Locator("#occurredAt").FillAsync(LocalTimeInput(DateTimeOffset.UtcNow.AddDays(2)));
        await page.Locator("#summary").FillAsync("双方争吵。");
        await page.Locator("#parties-0-name").FillAsync("王小明");
        await page.Locator("#parties-0-phone").FillAsync("12345");
        await page.Locator("#parties-0-idNumber").FillAsync("33028219900101123");
        await page.Locator("#risk-partiesCount").FillAsync("很多");

        await page.Locator("#submit-referral").ClickAsync();

        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        Assert.That(page.Url, Does.EndWith("/referrals/new"), "nothing was stored: still on the form");
        await Expect(FieldError(page, "incidentNumber")).ToHaveTextAsync("只能包含字母、数字和 - _ /");
        await Expect(FieldError(page, "occurredAt")).ToHaveTextAsync("不能晚于当前时间");
        await Expect(FieldError(page, "address")).ToHaveTextAsync("必填");
        await Expect(FieldError(page, "disputeType")).ToHaveTextAsync("必填");
        await Expect(FieldError(page, "policeAction")).ToHaveTextAsync("必填");
        await Expect(FieldError(page, "parties[0].phone")).ToHaveTextAsync("不是有效的大陆手机号码");
        await Expect(FieldError(page, "parties[0].idNumber")).ToHaveTextAsync("身份证号码应为18位");
        await Expect(FieldError(page, "risk.partiesCount")).ToHaveTextAsync("格式错误");
        await Expect(page.Locator("#summary")).ToHaveValueAsync("双方争吵。");
        await Expect(page.Locator("#parties-0-phone")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#parties-0-phone")).ToHaveAttributeAsync("aria-describedby", "error-parties-0-phone");
        await dispatcher.ShotAsync("referral-form-errors");

        await dispatcher.GotoAsync("/referrals");
        await Expect(page.Locator("p.empty")).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_form_and_the_API_name_the_same_fields_with_the_same_messages()
    {
        var dispatcher = await SignInAsync("dispatcher", "/referrals/new");
        await dispatcher.Page.Locator("#incidentNumber").FillAsync("A/1");
        await dispatcher.Page.Locator("#parties-1-name").FillAsync("李晓红");
        await dispatcher.Page.Locator("#parties-1-phone").FillAsync("1381234");
        await dispatcher.Page.Locator("#submit-referral").ClickAsync();
        await Expect(dispatcher.Page.Locator("#form-errors")).ToBeVisibleAsync();
        var formErrors = new Dictionary<string, string>();
        foreach (var error in await dispatcher.Page.Locator("p.field-error").AllAsync())
            formErrors[(await error.GetAttributeAsync("data-field"))!] = await error.InnerTextAsync();

        using var api = await App.CreateUserClientAsync("dispatcher");
        using var response = await api.PostAsJsonAsync("/api/referrals", new
        {
            incidentNumber = "A/1",
            parties = new object[] { new { name = "李晓红", phone = "1381234" } },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var apiErrors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);

        // The blank first row is not sent: the API's parties[0] is the form's second row.
        var expected = apiErrors.ToDictionary(e => e.Key.Replace("parties[0]", "parties[1]", StringComparison.Ordinal), e => e.Value);
        Assert.That(formErrors.Keys, Is.EquivalentTo(expected.Keys));
        foreach (var (field, message) in formErrors)
            Assert.That(expected[field], Does.StartWith(message), $"{field}: the API gives both languages, the page the person's");
    }

    [Test]
    public async Task On_a_tablet_the_form_fits_the_width()
    {
        var dispatcher = await SignInAsync("dispatcher", "/referrals/new");
        await dispatcher.Page.SetViewportSizeAsync(820, 1180);

        await dispatcher.Page.Locator("#submit-referral").ClickAsync();
        await Expect(dispatcher.Page.Locator("#form-errors")).ToBeVisibleAsync();

        var overflow = await dispatcher.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways");
        await dispatcher.ShotAsync("referral-form-tablet");
    }

    private static ILocator FieldError(IPage page, string field) => page.Locator($"p.field-error[data-field='{field}']");
}
