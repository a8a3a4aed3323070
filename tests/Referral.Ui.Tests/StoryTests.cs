using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Referral.Testing;
using static Microsoft.Playwright.Assertions;

namespace Referral.Ui.Tests;

/// <summary>
/// The whole story in the browser, each person signed in through the sign-in page: the dispatcher
/// refers an incident through the form, the coordinator sees where it went and why, the handler of
/// that department accepts, records progress and closes it, and the dispatcher sees the outcome.
/// </summary>
public sealed class StoryTests : UiFixture
{
    [Test]
    public async Task A_referral_goes_from_the_form_to_its_department_and_its_outcome_back_to_the_station()
    {
        var incident = Referrals.NewIncidentNumber("UI");
        var phone = Referrals.Phone();
        var idNumber = Referrals.IdNumber();

        // The dispatcher refers the incident (a consumer dispute: the rules send it to market supervision).
        var dispatcher = await SignInAsync("dispatcher", "/referrals/new");
        Assert.That(dispatcher.Page.Url, Does.EndWith("/referrals/new"), "back where the dispatcher was going");
        await FillReferralAsync(dispatcher.Page, incident, phone, idNumber);
        await dispatcher.Page.Locator("#add-party").ClickAsync();
        await Expect(dispatcher.Page.Locator("#party-2")).ToBeVisibleAsync();
        await dispatcher.ShotAsync("story-referral-form");
        await dispatcher.Page.Locator("#submit-referral").ClickAsync();
        await dispatcher.Page.WaitForURLAsync(new Regex(@"/cases/[0-9a-f-]{36}\?received=created$"));
        var caseUrl = new Uri(dispatcher.Page.Url).AbsolutePath;

        await Expect(dispatcher.Page.Locator("#notice")).ToContainTextAsync("流转成功");
        await Expect(dispatcher.Page.Locator("#case-status")).ToHaveTextAsync("待签收");
        await Expect(dispatcher.Page.Locator("#lead-department")).ToHaveTextAsync("古塘市场监管所");
        await Expect(dispatcher.Page.Locator("#case-head .badge").First).ToHaveTextAsync("黄");
        await Expect(dispatcher.Page.Locator("#read-only")).ToBeVisibleAsync();
        Assert.That(await dispatcher.Page.Locator("#actions form").CountAsync(), Is.Zero, "the dispatcher only reads the case");
        Assert.That(await dispatcher.Page.Locator("#reveal").CountAsync(), Is.Zero, "the dispatcher may not reveal");
        await AssertMaskedAsync(dispatcher.Page, phone, idNumber);
        await dispatcher.ShotAsync("story-case-dispatcher");

        // The coordinator sees it routed, and why.
        var coordinator = await SignInAsync("coordinator", caseUrl);
        await Expect(coordinator.Page.Locator("#lead-department")).ToHaveTextAsync("古塘市场监管所");
        await Expect(coordinator.Page.Locator("#routing-explanation")).ToContainTextAsync("市场监管");
        await Expect(coordinator.Page.Locator("#grading-factors")).ToContainTextAsync("未成年人");
        await Expect(coordinator.Page.Locator("#timeline li")).Not.ToHaveCountAsync(0);
        await Expect(coordinator.Page.Locator("#action-transfer")).ToBeVisibleAsync();
        await coordinator.ShotAsync("story-case-coordinator");

        // The market supervision handler finds it in the inbox, accepts, records progress and closes it.
        var handler = await SignInAsync("handler-scjg");
        Assert.That(handler.Page.Url, Does.EndWith("/inbox"), "a handler's day starts at the inbox");
        var row = handler.Page.Locator($"#new tr[data-incident='{incident}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync("黄");
        await handler.ShotAsync("story-inbox-new");
        await row.Locator("a").ClickAsync();
        await handler.Page.WaitForURLAsync($"**{caseUrl}");

        await handler.ActAsync("accept");
        await Expect(handler.Page.Locator("#notice")).ToContainTextAsync("已签收");
        await Expect(handler.Page.Locator("#case-status")).ToHaveTextAsync("已签收");

        await handler.ActAsync("record-progress", async form =>
        {
            await form.Locator("select[name='Act.Kind']").SelectOptionAsync("Visit");
            await form.Locator("textarea[name='Act.Text']").FillAsync("上门走访商家，双方同意周五到调解室面谈。");
            await form.Locator("input[name='Act.NextStep']").FillAsync("周五上午组织调解");
        });
        await Expect(handler.Page.Locator("#case-status")).ToHaveTextAsync("办理中");
        await Expect(handler.Page.Locator("#timeline")).ToContainTextAsync("上门走访商家");
        await Expect(handler.Page.Locator("#timeline")).ToContainTextAsync("周五上午组织调解");
        await handler.ShotAsync("story-case-in-progress");

        await handler.ActAsync("close", async form =>
        {
            await form.Locator("select[name='Act.Outcome']").SelectOptionAsync("AgreementReached");
            await form.Locator("textarea[name='Act.AgreementSummary']").FillAsync("商家退还货款800元，双方签订调解协议。");
        });
        await Expect(handler.Page.Locator("#case-status")).ToHaveTextAsync("已办结");
        await Expect(handler.Page.Locator("#case-outcome")).ToContainTextAsync("调解成功");
        await Expect(handler.Page.Locator("#action-follow-up")).ToBeVisibleAsync();
        await handler.ShotAsync("story-case-closed");

        // The dispatcher sees the outcome among the station's referrals.
        await dispatcher.GotoAsync("/referrals");
        var referral = dispatcher.Page.Locator($"#referrals tr[data-incident='{incident}']");
        await Expect(referral.Locator(".status")).ToContainTextAsync("已办结");
        await Expect(referral.Locator(".outcome")).ToHaveTextAsync("调解成功");
        await Expect(referral.Locator(".department")).ToHaveTextAsync("古塘市场监管所");
        await dispatcher.ShotAsync("story-referrals-outcome");
    }

    private static async Task FillReferralAsync(IPage page, string incident, string phone, string idNumber)
    {
        await page.Locator("#incidentNumber").FillAsync(incident);
        await page.Locator("#occurredAt").FillAsync(LocalTimeInput(DateTimeOffset.UtcNow.AddHours(-2)));
        await page.Locator("#disputeType").SelectOptionAsync("consumer");
        await page.Locator("#officerName").FillAsync("潘警官");
        await page.Locator("#address").FillAsync(Referrals.UniqueAddress("潮塘社区"));
        await page.Locator("#summary").FillAsync("顾客王小明购买的电动车三天后无法启动，与店主李晓红多次争执，报警求助。");
        await page.Locator("#policeAction").FillAsync("民警到场调解未果，双方情绪激动，建议由市场监管部门处理。");
        await page.Locator("#parties-0-name").FillAsync("王小明");
        await page.Locator("#parties-0-gender").SelectOptionAsync("男");
        await page.Locator("#parties-0-role").SelectOptionAsync("申请人");
        await page.Locator("#parties-0-phone").FillAsync(phone);
        await page.Locator("#parties-0-idNumber").FillAsync(idNumber);
        await page.Locator("#parties-1-name").FillAsync("李晓红");
        await page.Locator("#parties-1-gender").SelectOptionAsync("女");
        await page.Locator("#parties-1-role").SelectOptionAsync("被申请人");
        await page.Locator("#parties-1-phone").FillAsync(Referrals.Phone());
        await page.Locator("input[name='Model.Risk.VulnerablePersons']").CheckAsync();
        await page.Locator("#risk-policeCallsLast30Days").FillAsync("1");
        await page.Locator("#risk-amountAtStakeYuan").FillAsync("800");
    }

    private static async Task AssertMaskedAsync(IPage page, string phone, string idNumber)
    {
        var html = await page.ContentAsync();
        Assert.That(html, Does.Not.Contain(phone).And.Not.Contain(idNumber).And.Not.Contain("王小明"), "personal data is masked");
        await Expect(page.Locator("#parties")).ToContainTextAsync(phone[..3] + "****" + phone[^4..]);
    }
}
