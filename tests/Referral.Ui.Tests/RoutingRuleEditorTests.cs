using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>The routing-rule editor and its dry run in Chromium.</summary>
public sealed class RoutingRuleEditorTests : UiFixture
{
    [Test]
    public async Task The_dry_run_explains_the_department_the_rule_and_the_color()
    {
        var page = await Browser.SignedInPageAsync(App, "coordinator");
        await page.GotoAsync("/routing/rules");
        await Browser.ScreenshotAsync(page, "routing-rules");

        await page.GetByLabel("纠纷类型").SelectOptionAsync("romance");
        await page.GetByLabel("事发地址").FillAsync("慈溪市古塘街道塘东村5组8号");
        await page.GetByLabel("有威胁或持械").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();

        var answer = page.Locator(".dry-run-answer");
        await Assertions.Expect(answer.Locator(".goes-to")).ToHaveTextAsync("古塘街道妇联，协办：塘东村村委会、专业志愿者服务队");
        Assert.That(await answer.Locator(".rule").InnerTextAsync(), Does.Match(@"^婚姻情感 → 妇联（村社协办）（#\d+，v1）$"));
        Assert.That(await answer.Locator(".why").InnerTextAsync(), Does.Contain("命中").And.Contain("塘东村"));
        Assert.That(await answer.Locator(".color .badge").InnerTextAsync(), Is.EqualTo("红"));
        Assert.That(await answer.Locator(".factors li").CountAsync(), Is.GreaterThan(0));
        Assert.That(await page.GetByLabel("纠纷类型").InputValueAsync(), Is.EqualTo("romance"), "the form keeps what was asked");
        await Browser.ScreenshotAsync(page, "routing-dry-run");
    }

    [Test]
    public async Task A_new_rule_is_versioned_on_edit_routes_the_dry_run_and_stops_when_retired()
    {
        var page = await Browser.SignedInPageAsync(App, "admin");
        await page.GotoAsync("/routing/rules/new");
        await page.GetByLabel("名称").FillAsync("征地拆迁 → 司法所");
        await page.GetByLabel("优先级").FillAsync("15");
        await page.GetByLabel("征地拆迁").CheckAsync();
        await page.GetByLabel("主办单位").SelectOptionAsync("sfs");
        await Browser.ScreenshotAsync(page, "routing-rule-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建规则" }).ClickAsync();

        await page.WaitForURLAsync("**/routing/rules/*?created=1");
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("已新建规则「征地拆迁 → 司法所」");
        await page.GetByLabel("优先级").FillAsync("12");
        await page.GetByLabel("劳动保障监察中队").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("新版本 v2");
        Assert.That(await page.Locator("table.versions tbody tr").CountAsync(), Is.EqualTo(2));
        await Browser.ScreenshotAsync(page, "routing-rule-v2");

        await page.GotoAsync("/routing/rules");
        await page.GetByLabel("纠纷类型").SelectOptionAsync("land-requisition");
        await page.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();
        await Assertions.Expect(page.Locator(".dry-run-answer .goes-to")).ToHaveTextAsync("古塘司法所（人民调解委员会），协办：劳动保障监察中队");
        Assert.That(await page.Locator(".dry-run-answer .rule").InnerTextAsync(), Does.EndWith("v2）"));

        await page.GetByRole(AriaRole.Button, new() { Name = "停用规则「征地拆迁 → 司法所」" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("已停用（v3）");
        await page.GetByLabel("纠纷类型").SelectOptionAsync("land-requisition");
        await page.GetByRole(AriaRole.Button, new() { Name = "试算" }).ClickAsync();
        await Assertions.Expect(page.Locator(".dry-run-answer .goes-to")).ToHaveTextAsync("矛调中心待分派");
        await Browser.ScreenshotAsync(page, "routing-rule-retired");
    }

    [Test]
    public async Task A_rule_without_name_or_department_shows_the_field_errors()
    {
        var page = await Browser.SignedInPageAsync(App, "coordinator");
        await page.GotoAsync("/routing/rules/new");
        await page.Locator("form[aria-label] [required]").EvaluateAllAsync<object>("fields => fields.forEach(f => f.removeAttribute('required'))");

        await page.GetByRole(AriaRole.Button, new() { Name = "新建规则" }).ClickAsync();

        await Assertions.Expect(page.Locator("#name-error")).ToHaveTextAsync("必填 (is required)");
        Assert.That(await page.Locator("#lead-error").InnerTextAsync(), Is.EqualTo("必填 (is required)"));
        Assert.That(await page.GetByLabel("名称").GetAttributeAsync("aria-invalid"), Is.EqualTo("true"));
        Assert.That(await page.GetByLabel("名称").GetAttributeAsync("aria-describedby"), Is.EqualTo("name-error"));
        await Browser.ScreenshotAsync(page, "routing-rule-errors");
    }

    [Test]
    public async Task The_dry_run_works_with_the_keyboard_alone()
    {
        var page = await Browser.SignedInPageAsync(App, "coordinator");
        await page.GotoAsync("/routing/rules");

        await page.Locator("#dry-type").FocusAsync();
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown"); // past 婚姻家庭 and 婚恋情感 to 邻里
        Assert.That(await page.Locator("#dry-type").InputValueAsync(), Is.EqualTo("neighbour"));
        await page.Locator("#dry-address").FocusAsync();
        await page.Keyboard.TypeAsync("古塘街道塘西村1号");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".dry-run-answer .goes-to")).ToHaveTextAsync("塘西村村委会");
    }

    [TestCase("supervisor")]
    [TestCase("handler-fulian")]
    [TestCase("dispatcher")]
    public async Task Only_rule_editors_reach_the_editor(string user)
    {
        var page = await Browser.SignedInPageAsync(App, user);

        Assert.That((await page.GotoAsync("/routing/rules"))!.Status, Is.EqualTo(403));
        Assert.That((await page.GotoAsync("/routing/rules/new"))!.Status, Is.EqualTo(403));
    }
}
