using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Referral.Contracts;
using Referral.Data;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>The center's list of open cases and the red list in Chromium: filters in the query string, masked parties, colors in words.</summary>
public sealed class OpenCasesTests
{
    private ReferralApp _app = null!;
    private Browser _browser = null!;
    private string _redConsumer = null!;
    private string _greenConsumer = null!;
    private string _overdueRed = null!;
    private string _greenNeighbour = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions { Kestrel = true });
        await _app.StartAsync();
        _browser = await Browser.LaunchAsync();
        var page = await _browser.SignedInPageAsync(_app, "coordinator");
        var threats = new RiskInfo { PoliceCallsLast30Days = 1, ThreatsOrWeapons = true };
        _redConsumer = await ReferAsync(page, "consumer", threats);
        _greenConsumer = await ReferAsync(page, "consumer", null);
        _overdueRed = await ReferAsync(page, "noise-environment", threats);
        _greenNeighbour = await ReferAsync(page, "neighbour", null);
        await MakeOverdueAsync(_overdueRed);
        await page.Context.CloseAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Filtering_by_color_and_department_lists_only_those_cases()
    {
        var page = await _browser.SignedInPageAsync(_app, "coordinator");
        await page.GotoAsync("/cases");
        await Browser.ScreenshotAsync(page, "cases");
        Assert.That(await Rows(page).CountAsync(), Is.GreaterThanOrEqualTo(4));

        await page.GetByLabel("预警颜色").SelectOptionAsync("red");
        await page.GetByLabel("主办或协办单位").SelectOptionAsync("scjg");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();

        await page.WaitForURLAsync("**/cases?color=red&department=scjg*");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        Assert.That(await CaseIdsAsync(page), Is.EqualTo(new[] { _redConsumer }));
        Assert.That(await Rows(page).Locator(".badge").AllInnerTextsAsync(), Is.All.EqualTo("红"), "the color is in words too");
        Assert.That(await page.GetByLabel("预警颜色").InputValueAsync(), Is.EqualTo("red"), "the filter stays chosen");
        await Browser.ScreenshotAsync(page, "cases-red-scjg");
    }

    [Test]
    public async Task Filtering_by_dispute_type_and_overdue_works_from_the_query_string()
    {
        var page = await _browser.SignedInPageAsync(_app, "coordinator");

        await page.GotoAsync("/cases?type=consumer");
        Assert.That(await CaseIdsAsync(page), Is.EquivalentTo(new[] { _redConsumer, _greenConsumer }));

        await page.GotoAsync("/cases?overdue=true");
        Assert.That(await CaseIdsAsync(page), Is.EqualTo(new[] { _overdueRed }));
        Assert.That(await Rows(page).Locator(".overdue").InnerTextAsync(), Does.EndWith("（已超期）"));
        Assert.That(await page.Locator("#overdue").IsCheckedAsync(), Is.True);
        await Browser.ScreenshotAsync(page, "cases-overdue");
    }

    [Test]
    public async Task Parties_are_masked_and_each_row_links_to_its_case_page()
    {
        var page = await _browser.SignedInPageAsync(_app, "supervisor");

        await page.GotoAsync("/cases?type=neighbour");

        var text = await page.Locator("table.cases").InnerTextAsync();
        Assert.That(text, Does.Not.Contain("王小明").And.Not.Contain("李晓红"));
        Assert.That(text, Does.Contain("王*"));
        Assert.That(await page.Locator("table.cases a").First.GetAttributeAsync("href"), Does.Match("^/cases/[0-9a-f-]{36}$"));
    }

    [Test]
    public async Task Paging_keeps_the_filters()
    {
        var page = await _browser.SignedInPageAsync(_app, "coordinator");
        var extra = await _browser.SignedInPageAsync(_app, "coordinator");
        for (var i = 0; i < 26; i++) await ReferAsync(extra, "medical", null);

        await page.GotoAsync("/cases?type=medical");

        Assert.That(await Rows(page).CountAsync(), Is.EqualTo(25));
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await page.WaitForURLAsync("**/cases?type=medical&page=2");
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 2 页，共 2 页");
        Assert.That(await Rows(page).CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_red_list_puts_the_most_overdue_first()
    {
        var page = await _browser.SignedInPageAsync(_app, "coordinator");

        await page.GotoAsync("/red-list");

        var ids = await CaseIdsAsync(page);
        Assert.That(ids, Does.Contain(_redConsumer));
        Assert.That(ids, Does.Not.Contain(_greenConsumer));
        Assert.That(ids[0], Is.EqualTo(_overdueRed));
        Assert.That(await page.Locator($"tr[data-case='{_overdueRed}'] td.overdue").InnerTextAsync(), Does.EndWith("个工作日"));
        await Browser.ScreenshotAsync(page, "red-list");
    }

    [Test]
    public async Task On_a_tablet_the_case_list_fits_the_width()
    {
        var page = await _browser.SignedInPageAsync(_app, "coordinator");
        await page.SetViewportSizeAsync(820, 1180);

        await page.GotoAsync("/cases");

        await page.AssertNoSidewaysScrollAsync();
        await Browser.ScreenshotAsync(page, "cases-tablet");
    }

    [TestCase("handler-fulian", "/cases")]
    [TestCase("dispatcher", "/cases")]
    [TestCase("admin", "/red-list")]
    public async Task The_center_pages_are_refused_to_others(string user, string path)
    {
        var page = await _browser.SignedInPageAsync(_app, user);

        var response = await page.GotoAsync(path);

        Assert.That(response!.Status, Is.EqualTo(403));
    }

    private static ILocator Rows(IPage page) => page.Locator("table tbody tr");

    private static async Task<IReadOnlyList<string>> CaseIdsAsync(IPage page)
    {
        var ids = new List<string>();
        foreach (var row in await Rows(page).AllAsync()) ids.Add((await row.GetAttributeAsync("data-case"))!);
        return ids;
    }

    private static async Task<string> ReferAsync(IPage page, string type, RiskInfo? risk) =>
        (await page.ReferAsync(Referrals.Valid(disputeType: type, address: Referrals.UniqueAddress(), risk: risk)))
        .GetProperty("caseId").GetString()!;

    /// <summary>Moves the case's accept deadline a day into the past, as if nobody had accepted it in time.</summary>
    private async Task MakeOverdueAsync(string caseId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var id = Guid.Parse(caseId);
        var found = await db.Cases.FirstAsync(c => c.Id == id);
        found.AcceptDueAt = DateTimeOffset.UtcNow.AddDays(-2);
        await db.SaveChangesAsync();
    }
}
