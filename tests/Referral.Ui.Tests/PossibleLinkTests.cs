using Microsoft.Playwright;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>
/// 可能关联 in Chromium: three referrals of the same type at one street leave the third green with two
/// possible links, shown in triage and on its page; the coordinator dismisses one with a reason and
/// confirms the other, which makes the case a red recurrence linked on both trajectories.
/// </summary>
public sealed class PossibleLinkTests : UiFixture
{
    [Test]
    public async Task Coordinator_dismisses_one_possible_link_and_confirms_the_other_on_the_case_page()
    {
        var station = await Browser.SignedInPageAsync(App, "coordinator");
        var street = $"慈溪市古塘街道{Referrals.UniqueName()}步行街";
        var receipts = new List<System.Text.Json.JsonElement>();
        foreach (var minutes in new[] { -200, -150, -100 })
            receipts.Add(await station.ReferAsync(Referrals.Valid(disputeType: "其他", address: street) with
            {
                OccurredAt = DateTimeOffset.UtcNow.AddMinutes(minutes),
                Summary = "双方因步行街沿街摊位占道问题发生争执，民警到场后认为仍存在再次激发可能性。",
            }));
        var (first, second, third) = (Incident(receipts[0]), Incident(receipts[1]), receipts[2]);
        var caseId = third.GetProperty("caseId").GetString();
        Assert.That(third.GetProperty("color").GetString(), Is.EqualTo("green"), "a shared street changes no color");
        var coordinator = await SignInAsync("coordinator", "/triage");

        var panel = coordinator.Page.Locator($"section.triage-case[data-case='{caseId}']");
        await Assertions.Expect(panel.Locator(".possible-link")).ToHaveCountAsync(2);
        await Assertions.Expect(panel.Locator(".possible-link").First).ToContainTextAsync($"与案件 {second} 纠纷类型相同、地址相同");
        await coordinator.ShotAsync("triage-possible-links");
        await panel.Locator(".possible-link").First.GetByRole(AriaRole.Link, new() { Name = "确认或排除" }).ClickAsync();
        await coordinator.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/cases/{caseId}#possible-links$"));

        var links = coordinator.Page.Locator("#possible-links li");
        await Assertions.Expect(links).ToHaveCountAsync(2);
        await Assertions.Expect(links.Locator(".tag")).ToHaveTextAsync(["待确认", "待确认"]);
        await Assertions.Expect(coordinator.Page.Locator("#case-head h1 .badge")).ToHaveTextAsync("绿");
        await coordinator.ShotAsync("case-possible-links");

        await coordinator.ActAsync("dismiss-link", async form =>
        {
            await form.GetByLabel("可能关联的案件").SelectOptionAsync(receipts[0].GetProperty("caseId").GetString()!);
            await form.GetByLabel("原因").FillAsync("摊主不同，系另一处摊位的纠纷。");
        });
        await Assertions.Expect(coordinator.Page.Locator("#notice")).ToHaveTextAsync("已排除关联。");
        await Assertions.Expect(coordinator.Page.Locator($"#possible-links li:has-text('{first}') .tag")).ToHaveTextAsync("已排除");
        await Assertions.Expect(coordinator.Page.Locator("#possible-links")).ToContainTextAsync("摊主不同，系另一处摊位的纠纷。");
        await Assertions.Expect(coordinator.Page.Locator("#case-head h1 .badge")).ToHaveTextAsync("绿");
        await coordinator.ShotAsync("case-possible-link-dismissed");

        await coordinator.ActAsync("confirm-link", async form => await form.GetByLabel("备注").FillAsync("同一摊位的占道纠纷，系同一矛盾。"));

        await Assertions.Expect(coordinator.Page.Locator("#notice")).ToHaveTextAsync("已确认关联。");
        await Assertions.Expect(coordinator.Page.Locator($"#possible-links li:has-text('{second}') .tag")).ToHaveTextAsync("已确认关联");
        await Assertions.Expect(coordinator.Page.Locator("#case-head h1 .badge")).ToHaveTextAsync("红");
        await Assertions.Expect(coordinator.Page.Locator("#grading-factors")).ToContainTextAsync($"经矛调中心确认，与案件 {second} 为同一纠纷");
        await Assertions.Expect(coordinator.Page.Locator("#action-confirm-link")).ToHaveCountAsync(0, new() { Timeout = 5000 });
        await coordinator.ShotAsync("case-possible-link-confirmed");
        var earlier = await station.GetJsonAsync($"/api/cases/{receipts[1].GetProperty("caseId").GetString()}/timeline");
        Assert.That(earlier.EnumerateArray().Last().GetProperty("action").GetString(), Is.EqualTo("link-recurrence"), "the earlier case's trajectory names the new one");
        var timeline = await station.GetJsonAsync($"/api/cases/{caseId}/timeline");
        Assert.That(timeline.EnumerateArray().Select(e => e.GetProperty("action").GetString()).TakeLast(2), Is.EqualTo(new[] { "dismiss-link", "confirm-link" }));
    }

    private static string Incident(System.Text.Json.JsonElement receipt) => receipt.GetProperty("incidentNumber").GetString()!;
}
