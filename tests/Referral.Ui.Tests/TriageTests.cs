using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>The coordinator's triage queue in Chromium: cases no rule matched, overridden to a department with a reason.</summary>
public sealed class TriageTests : UiFixture
{
    [Test]
    public async Task Triage_override_moves_a_case_to_a_department_with_the_reason_in_the_trajectory()
    {
        var page = await Browser.SignedInPageAsync(App, "coordinator");
        var receipt = await page.ReferAsync(Referrals.Valid(disputeType: "other", address: Referrals.UniqueAddress()));
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("Triage"), "no demo rule routes 其他");
        var caseId = receipt.GetProperty("caseId").GetString();
        var incident = receipt.GetProperty("incidentNumber").GetString()!;

        await page.GotoAsync("/triage");
        await Browser.ScreenshotAsync(page, "triage");
        var panel = page.Locator($"section.triage-case[data-case='{caseId}']");
        Assert.That(await panel.Locator(".why").InnerTextAsync(), Is.EqualTo("未匹配到分流规则"));
        Assert.That(await panel.InnerTextAsync(), Does.Not.Contain("王小明"), "parties are masked");
        await panel.GetByLabel("主办单位").SelectOptionAsync("ldjc");
        await panel.GetByLabel("分派理由").FillAsync("涉及拖欠工资，由劳动保障监察中队主办。");
        await panel.GetByRole(AriaRole.Button, new() { Name = "分派" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync($"案件 {incident} 已分派至「劳动保障监察中队」");
        Assert.That(await panel.CountAsync(), Is.Zero, "the case has left the queue");
        await Browser.ScreenshotAsync(page, "triage-assigned");
        var detail = await page.GetJsonAsync($"/api/cases/{caseId}");
        Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("Routed"));
        var timeline = await page.GetJsonAsync($"/api/cases/{caseId}/timeline");
        var assign = timeline.EnumerateArray().Last();
        Assert.That(assign.GetProperty("action").GetString(), Is.EqualTo("assign"));
        Assert.That(assign.GetProperty("note").GetString(), Is.EqualTo("涉及拖欠工资，由劳动保障监察中队主办。"));
        Assert.That(assign.GetProperty("actor").GetString(), Is.EqualTo("coordinator"));
    }

    [Test]
    public async Task A_case_a_department_rejected_shows_who_rejected_it_and_why()
    {
        var coordinator = await Browser.SignedInPageAsync(App, "coordinator");
        var receipt = await coordinator.ReferAsync(Referrals.Valid(disputeType: "consumer", address: Referrals.UniqueAddress()));
        var caseId = receipt.GetProperty("caseId").GetString();
        var handler = await Browser.SignedInPageAsync(App, "handler-scjg");
        var reject = await handler.APIRequest.PostAsync($"/api/cases/{caseId}/reject",
            new APIRequestContextOptions { DataObject = new { reason = "不属于消费纠纷，系邻里矛盾" } });
        Assert.That(reject.Status, Is.EqualTo(200), await reject.TextAsync());

        await coordinator.GotoAsync("/triage");

        var panel = coordinator.Locator($"section.triage-case[data-case='{caseId}']");
        Assert.That(await panel.Locator(".why").InnerTextAsync(), Is.EqualTo("被「古塘市场监管所」退回：不属于消费纠纷，系邻里矛盾"));
        await Browser.ScreenshotAsync(coordinator, "triage-rejected");
    }

    [Test]
    public async Task Assigning_without_a_reason_shows_the_field_error_and_changes_nothing()
    {
        var page = await Browser.SignedInPageAsync(App, "coordinator");
        var receipt = await page.ReferAsync(Referrals.Valid(disputeType: "land-requisition", address: Referrals.UniqueAddress()));
        var caseId = receipt.GetProperty("caseId").GetString();
        await page.GotoAsync("/triage");
        var panel = page.Locator($"section.triage-case[data-case='{caseId}']");

        await panel.GetByLabel("主办单位").SelectOptionAsync("sfs");
        await panel.Locator("textarea").EvaluateAsync("t => t.removeAttribute('required')");
        await panel.GetByRole(AriaRole.Button, new() { Name = "分派" }).ClickAsync();

        await Assertions.Expect(panel.Locator(".field-error")).ToHaveTextAsync("请填写分派理由");
        Assert.That(await panel.Locator("textarea").GetAttributeAsync("aria-invalid"), Is.EqualTo("true"));
        Assert.That((await page.GetJsonAsync($"/api/cases/{caseId}")).GetProperty("status").GetString(), Is.EqualTo("Triage"));
        await Browser.ScreenshotAsync(page, "triage-field-error");
    }

    [TestCase("handler-fulian")]
    [TestCase("supervisor")]
    [TestCase("admin")]
    public async Task Only_the_coordinator_may_triage(string user)
    {
        var page = await Browser.SignedInPageAsync(App, user);

        var response = await page.GotoAsync("/triage");

        Assert.That(response!.Status, Is.EqualTo(403), "POST /api/cases/{id}/assign is the coordinator's only");
    }
}
