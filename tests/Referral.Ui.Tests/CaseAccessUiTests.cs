using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Referral.Data;
using Referral.Testing;
using static Microsoft.Playwright.Assertions;

namespace Referral.Ui.Tests;

/// <summary>Who may open a case page, reveal its parties and act on it; refusals read as reasons, never as errors.</summary>
public sealed class CaseAccessUiTests : UiFixture
{
    [Test]
    public async Task Another_departments_handler_gets_the_same_not_found_page_as_for_an_unknown_case()
    {
        var (caseId, _) = await ReferAsync();
        var other = await SignInAsync("handler-fulian");

        var response = await other.GotoAsync($"/cases/{caseId}");
        Assert.That(response!.Status, Is.EqualTo(404));
        var outOfScope = await other.Page.Locator("main").InnerTextAsync();
        await other.ShotAsync("case-other-department-404");

        var unknown = await other.GotoAsync($"/cases/{Guid.NewGuid()}");
        Assert.That(unknown!.Status, Is.EqualTo(404));
        Assert.That(await other.Page.Locator("main").InnerTextAsync(), Is.EqualTo(outOfScope));
        Assert.That(outOfScope, Does.Contain("未找到页面"));
    }

    [Test]
    public async Task The_handler_reveals_the_parties_only_with_a_reason_and_the_reveal_is_audited()
    {
        var (caseId, phone) = await ReferAsync();
        var handler = await SignInAsync("handler-scjg", $"/cases/{caseId}");
        Assert.That(await handler.Page.ContentAsync(), Does.Not.Contain(phone));

        await handler.Page.Locator("#reveal summary").ClickAsync();
        await handler.Page.Locator("#reveal button").ClickAsync();
        await Expect(handler.Page.Locator("#reveal-error")).ToContainTextAsync("请说明查看原因");
        Assert.That(await AuditsAsync(caseId), Is.Zero);

        await handler.Page.Locator("#reveal-reason").FillAsync("电话联系当事人约定调解时间");
        await handler.Page.Locator("#reveal button").ClickAsync();
        await Expect(handler.Page.Locator("#revealed")).ToContainTextAsync(phone);
        await Expect(handler.Page.Locator("#revealed")).ToContainTextAsync("王小明");
        Assert.That(await AuditsAsync(caseId), Is.EqualTo(1));
        await handler.ShotAsync("case-revealed");

        await handler.GotoAsync($"/cases/{caseId}");
        Assert.That(await handler.Page.ContentAsync(), Does.Not.Contain(phone), "shown once, not kept on the page");
    }

    [Test]
    public async Task A_stale_page_shows_that_the_case_changed_and_the_fresh_state()
    {
        var (caseId, _) = await ReferAsync();
        var first = await SignInAsync("handler-scjg", $"/cases/{caseId}");
        var second = await SignInAsync("handler-scjg", $"/cases/{caseId}");

        await first.ActAsync("accept");
        await second.Page.Locator("#action-accept summary").ClickAsync();
        await second.Page.Locator("#do-accept").ClickAsync();

        await Expect(second.Page.Locator("#action-problem")).ToContainTextAsync("案件已被他人修改");
        await Expect(second.Page.Locator("#case-status")).ToHaveTextAsync("已签收");
        await Expect(second.Page.Locator("#action-accept")).ToHaveCountAsync(0);
        await second.ShotAsync("case-stale-action");
    }

    [Test]
    public async Task A_required_reason_is_asked_for_next_to_its_field()
    {
        var (caseId, _) = await ReferAsync();
        var handler = await SignInAsync("handler-scjg", $"/cases/{caseId}");

        await handler.Page.Locator("#action-reject summary").ClickAsync();
        await handler.Page.Locator("#do-reject").ClickAsync();

        await Expect(handler.Page.Locator("#action-reject p.field-error[data-field='reason']")).ToContainTextAsync("必填");
        await Expect(handler.Page.Locator("#case-status")).ToHaveTextAsync("待签收");
        await handler.ShotAsync("case-reject-needs-reason");
    }

    [Test]
    public async Task The_supervisor_reads_the_case_without_actions_or_reveal()
    {
        var (caseId, _) = await ReferAsync();
        var supervisor = await SignInAsync("supervisor", $"/cases/{caseId}");

        await Expect(supervisor.Page.Locator("#read-only")).ToBeVisibleAsync();
        await Expect(supervisor.Page.Locator("#reveal")).ToHaveCountAsync(0);
        await Expect(supervisor.Page.Locator("#timeline li").First).ToBeVisibleAsync();
    }

    [Test]
    public async Task On_a_tablet_the_case_page_fits_the_width()
    {
        var (caseId, _) = await ReferAsync();
        var handler = await SignInAsync("handler-scjg", $"/cases/{caseId}");
        await handler.Page.SetViewportSizeAsync(820, 1180);

        await handler.GotoAsync($"/cases/{caseId}");
        await handler.Page.Locator("#action-reject summary").ClickAsync();

        var overflow = await handler.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways");
        await handler.ShotAsync("case-tablet");
    }

    /// <summary>A consumer dispute from the station's system: the rules send it to market supervision (scjg).</summary>
    private async Task<(Guid CaseId, string Phone)> ReferAsync()
    {
        var phone = Referrals.Phone();
        using var station = App.CreateStationClient();
        using var response = await station.PostAsJsonAsync("/api/referrals",
            Referrals.Valid(disputeType: "consumer", address: Referrals.UniqueAddress(), phone: phone));
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(receipt.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("scjg"));
        return (receipt.GetProperty("caseId").GetGuid(), phone);
    }

    private async Task<int> AuditsAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralDbContext>().RevealAudits.CountAsync(a => a.CaseId == caseId);
    }
}
