using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>The admin's pages in Chromium: reference data, users, API keys, the working calendar; nobody else gets in.</summary>
public sealed class AdminPagesTests
{
    private static readonly string[] AdminPages =
        ["/admin/departments", "/admin/areas", "/admin/users", "/admin/api-keys", "/admin/dispute-types", "/admin/calendar"];

    private ReferralApp _app = null!;
    private Browser _browser = null!;
    private string _calendarFolder = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The calendar test replaces the file: a copy of its own, never the one the build ships.
        _calendarFolder = Path.Combine(Path.GetTempPath(), "referral-ui-calendar", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_calendarFolder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-holidays.json"), Path.Combine(_calendarFolder, "cn-holidays.json"));
        _app = new ReferralApp(new ReferralAppOptions
        {
            Kestrel = true,
            Settings = new Dictionary<string, string?> { ["Calendar:File"] = Path.Combine(_calendarFolder, "cn-holidays.json") },
        });
        await _app.StartAsync();
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        Directory.Delete(_calendarFolder, recursive: true);
    }

    [Test]
    public async Task Admin_creates_an_API_key_sees_it_once_and_revokes_it()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/api-keys");
        await page.GetByLabel("用途").FillAsync("接警系统测试环境");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建密钥" }).ClickAsync();

        var secret = await page.Locator(".new-key .secret").InnerTextAsync();
        await Browser.ScreenshotAsync(page, "admin-api-key-created");
        var row = page.Locator("table.api-keys tr", new() { HasText = "接警系统测试环境" });
        Assert.That(secret, Does.StartWith((await row.Locator("code").InnerTextAsync()).TrimEnd('…')));
        var referral = await page.APIRequest.PostAsync("/api/referrals", new APIRequestContextOptions
        {
            DataObject = Referrals.Valid(address: Referrals.UniqueAddress()),
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = secret, ["Authorization"] = "" },
        });
        Assert.That(referral.Status, Is.EqualTo(201), "the new key works");

        await page.GotoAsync("/admin/api-keys");
        Assert.That(await page.Locator(".new-key").CountAsync(), Is.Zero);
        Assert.That(await page.ContentAsync(), Does.Not.Contain(secret), "the key is shown once");

        await page.GetByRole(AriaRole.Button, new() { Name = "吊销密钥「接警系统测试环境」" }).ClickAsync();
        await Assertions.Expect(row.Locator(".state")).ToContainTextAsync("吊销");
        var keys = await page.GetJsonAsync("/api/admin/api-keys");
        var revoked = keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == "接警系统测试环境");
        Assert.That(revoked.GetProperty("revokedAt").ValueKind, Is.EqualTo(JsonValueKind.String));
        await Browser.ScreenshotAsync(page, "admin-api-key-revoked");
    }

    [Test]
    public async Task Admin_creates_a_user_who_signs_in_with_the_password_shown_once_and_can_be_locked()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/users");
        await page.GetByLabel("用户名").FillAsync("handler-scjg-2");
        await page.GetByLabel("姓名").FillAsync("市场监管所 张经办");
        await page.GetByLabel("角色").SelectOptionAsync("Handler");
        await page.GetByLabel("所属单位").SelectOptionAsync("scjg");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();

        var password = await page.Locator(".issued-password .secret").InnerTextAsync();
        await Browser.ScreenshotAsync(page, "admin-user-created");
        Assert.That(await SignInStatusAsync(page, "handler-scjg-2", password), Is.EqualTo(200));

        await page.GetByRole(AriaRole.Button, new() { Name = "锁定用户 handler-scjg-2" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-user='handler-scjg-2'] .state")).ToHaveTextAsync("已锁定");
        Assert.That(await SignInStatusAsync(page, "handler-scjg-2", password), Is.EqualTo(401));

        await page.GetByRole(AriaRole.Button, new() { Name = "解锁用户 handler-scjg-2" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-user='handler-scjg-2'] .state")).ToHaveTextAsync("正常");
        await page.GetByRole(AriaRole.Button, new() { Name = "重置用户 handler-scjg-2 的密码" }).ClickAsync();
        var reset = await page.Locator(".issued-password .secret").InnerTextAsync();
        Assert.That(reset, Is.Not.EqualTo(password));
        Assert.That(await SignInStatusAsync(page, "handler-scjg-2", password), Is.EqualTo(401));
        Assert.That(await SignInStatusAsync(page, "handler-scjg-2", reset), Is.EqualTo(200));
        await Browser.ScreenshotAsync(page, "admin-users");
    }

    [Test]
    public async Task A_user_without_a_department_shows_the_field_error()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/users");
        await page.GetByLabel("用户名").FillAsync("handler-nowhere");
        await page.GetByLabel("姓名").FillAsync("无单位经办人");
        await page.GetByLabel("角色").SelectOptionAsync("Handler");

        await page.GetByRole(AriaRole.Button, new() { Name = "创建用户" }).ClickAsync();

        await Assertions.Expect(page.Locator("#department-error")).ToContainTextAsync("须选择所属单位");
        Assert.That(await page.GetByLabel("用户名").InputValueAsync(), Is.EqualTo("handler-nowhere"), "the form keeps what was typed");
        Assert.That(await page.Locator("tr[data-user='handler-nowhere']").CountAsync(), Is.Zero);
        await Browser.ScreenshotAsync(page, "admin-user-error");
    }

    [Test]
    public async Task Admin_adds_a_department_renames_a_village_and_adds_a_dispute_type()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/departments");
        await page.GetByLabel("代码").FillAsync("xfj");
        await page.GetByLabel("名称").FillAsync("古塘街道信访办");
        await page.GetByLabel("类型").SelectOptionAsync("Department");
        await page.GetByLabel("通知邮箱").FillAsync("xfj@gutang.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-code='xfj']")).ToContainTextAsync("古塘街道信访办");
        await Browser.ScreenshotAsync(page, "admin-departments");

        await page.GotoAsync("/admin/areas?edit=tangdong");
        Assert.That(await page.GetByLabel("代码").GetAttributeAsync("readonly"), Is.Not.Null, "a code never changes");
        await page.GetByLabel("别名").FillAsync("塘东、老塘东");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-code='tangdong']")).ToContainTextAsync("塘东、老塘东");
        await Browser.ScreenshotAsync(page, "admin-areas");

        await page.GotoAsync("/admin/dispute-types");
        await page.GetByLabel("代码").FillAsync("petition");
        await page.GetByLabel("中文名称").FillAsync("信访");
        await page.GetByLabel("英文名称").FillAsync("Petitions");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-code='petition']")).ToContainTextAsync("信访");
        var types = await page.GetJsonAsync("/api/dispute-types");
        Assert.That(types.EnumerateArray().Select(t => t.GetProperty("code").GetString()), Does.Contain("petition"));
        await Browser.ScreenshotAsync(page, "admin-dispute-types");
    }

    [Test]
    public async Task The_calendar_page_refuses_a_bad_file_and_loads_a_good_one()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/calendar");
        Assert.That(await page.Locator(".calendar-facts .years").InnerTextAsync(), Does.StartWith("2025、2026"));
        var holidays = await page.Locator("table.holidays tbody tr").CountAsync();
        await Browser.ScreenshotAsync(page, "admin-calendar");

        await UploadAsync(page, """{ "holidays": [ { "date": "2027-13-01", "name": "错误日期" } ], "workingDays": [ { "date": "2027-02-03" } ] }""");
        await Assertions.Expect(page.Locator(".upload-errors li")).ToHaveCountAsync(2);
        Assert.That(await page.Locator("table.holidays tbody tr").CountAsync(), Is.EqualTo(holidays), "the calendar in force is unchanged");
        await Browser.ScreenshotAsync(page, "admin-calendar-refused");

        var good = File.ReadAllText(Path.Combine(_calendarFolder, "cn-holidays.json"))
            .Replace("""{ "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" }""",
                """{ "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" }, { "date": "2027-01-01", "name": "元旦" }""", StringComparison.Ordinal);
        await UploadAsync(page, good);
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("新的日历已生效");
        Assert.That(await page.Locator(".calendar-facts .years").InnerTextAsync(), Does.StartWith("2025、2026、2027"));
        Assert.That(await page.Locator("table.holidays tbody tr").CountAsync(), Is.EqualTo(holidays + 1));
        await Browser.ScreenshotAsync(page, "admin-calendar-replaced");
    }

    [TestCase("coordinator")]
    [TestCase("supervisor")]
    [TestCase("handler-fulian")]
    [TestCase("dispatcher")]
    public async Task Nobody_but_the_admin_reaches_the_admin_pages(string user)
    {
        var page = await _browser.SignedInPageAsync(_app, user);
        foreach (var path in AdminPages)
        {
            var response = await page.GotoAsync(path);
            Assert.That(response!.Status, Is.EqualTo(403), path);
        }
    }

    [Test]
    public async Task Every_field_of_the_admin_pages_has_a_label_and_the_pages_fit_a_tablet()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.SetViewportSizeAsync(820, 1180);
        foreach (var path in AdminPages)
        {
            await page.GotoAsync(path);
            var unlabelled = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                    .map(e => e.outerHTML)
                """);
            Assert.That(unlabelled, Is.Empty, path);
            await page.AssertNoSidewaysScrollAsync();
            Assert.That(await page.Locator("h1").CountAsync(), Is.EqualTo(1), path);
            await Browser.ScreenshotAsync(page, "tablet" + path.Replace('/', '-'));
        }
    }

    [Test]
    public async Task The_api_key_form_works_with_the_keyboard_alone()
    {
        var page = await _browser.SignedInPageAsync(_app, "admin");
        await page.GotoAsync("/admin/api-keys");

        await page.Locator("#name").FocusAsync();
        await page.Keyboard.TypeAsync("键盘创建的密钥");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".new-key .secret")).ToBeVisibleAsync();
    }

    [TestCase(typeof(Referral.Service.Coordination.TriagePage), "Title", "待分派", "Triage")]
    [TestCase(typeof(Referral.Service.Coordination.OpenCasesPage), "Title", "在办案件", "Open cases")]
    [TestCase(typeof(Referral.Service.Coordination.RedListPage), "Title", "红色预警清单", "Red list")]
    [TestCase(typeof(Referral.Service.Coordination.CaseRows), "Status.Routed", "待签收", "Waiting to be accepted")]
    [TestCase(typeof(Referral.Service.Routing.RoutingRulesPage), "Title", "分流规则", "Routing rules")]
    [TestCase(typeof(Referral.Service.Routing.RoutingRuleEditPage), "NewTitle", "新建分流规则", "New routing rule")]
    [TestCase(typeof(Referral.Service.Routing.DryRun), "Submit", "试算", "Try it")]
    [TestCase(typeof(Referral.Service.Admin.DepartmentsPage), "Title", "部门与单位", "Departments and units")]
    [TestCase(typeof(Referral.Service.Admin.AreasPage), "Title", "村/社区", "Villages and communities")]
    [TestCase(typeof(Referral.Service.Admin.UsersPage), "Title", "用户", "Users")]
    [TestCase(typeof(Referral.Service.Admin.ApiKeysPage), "Title", "API 密钥", "API keys")]
    [TestCase(typeof(Referral.Service.Admin.DisputeTypesPage), "Title", "纠纷类型", "Dispute types")]
    [TestCase(typeof(Referral.Service.Admin.CalendarPage), "Title", "工作日历", "Working calendar")]
    public void Each_page_has_its_text_in_Chinese_and_in_English(Type page, string key, string chinese, string english)
    {
        var localizer = (IStringLocalizer)_app.Services.GetRequiredService(typeof(IStringLocalizer<>).MakeGenericType(page));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            Assert.That(localizer[key].Value, Is.EqualTo(chinese));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.That(localizer[key].Value, Is.EqualTo(english));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static async Task UploadAsync(IPage page, string json)
    {
        await page.GetByLabel("日历文件（JSON）").SetInputFilesAsync(new FilePayload
        {
            Name = "cn-holidays.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "检查并替换" }).ClickAsync();
    }

    private async Task<int> SignInStatusAsync(IPage page, string userName, string password)
    {
        var request = await page.Context.APIRequest.PostAsync("/api/auth/login",
            new APIRequestContextOptions { DataObject = new { userName, password }, Headers = new Dictionary<string, string> { ["Authorization"] = "" } });
        return request.Status;
    }
}
