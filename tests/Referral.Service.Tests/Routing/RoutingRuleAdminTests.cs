using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Testing;

namespace Referral.Service.Tests.Routing;

/// <summary>
/// Rules as data: created, changed with optimistic versions, retired, each version kept with who and
/// when. Every rule made here matches only summaries holding a keyword of its own, so the rules of
/// one test never route the referrals of another.
/// </summary>
public sealed class RoutingRuleAdminTests
{
    private ReferralApp _app = null!;
    private HttpClient _coordinator = null!;
    private HttpClient _admin = null!;
    private HttpClient _station = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _coordinator = await _app.CreateUserClientAsync("coordinator");
        _admin = await _app.CreateUserClientAsync("admin");
        _station = _app.CreateStationClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _coordinator.Dispose();
        _admin.Dispose();
        _station.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("coordinator")]
    [TestCase("admin")]
    public async Task Rule_editor_creates_a_rule(string user)
    {
        var client = user == "admin" ? _admin : _coordinator;
        var keyword = Keyword();

        using var response = await client.PostAsJsonAsync("/api/routing/rules", Rule(keyword, "sfs"));
        var rule = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/routing/rules/{rule.GetProperty("id").GetInt64()}"));
        Assert.That(rule.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(rule.GetProperty("changedBy").GetString(), Is.EqualTo(user));
        Assert.That(rule.GetProperty("disputeTypes").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "consumer" }),
            "dispute types named in Chinese are kept by code");
    }

    [Test]
    public async Task Change_with_the_version_read_makes_the_next_version_and_the_history_keeps_both_with_who_and_when()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");

        using var changed = await _admin.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, "tjgzs", version: 1));
        var history = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/routing/rules/{created.Id}");

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(history.GetProperty("current").GetProperty("leadDepartment").GetString(), Is.EqualTo("tjgzs"));
        var versions = history.GetProperty("versions").EnumerateArray().ToList();
        Assert.That(versions.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("leadDepartment").GetString(), v.GetProperty("changedBy").GetString())),
            Is.EqualTo(new[] { (2, "tjgzs", "admin"), (1, "sfs", "coordinator") }));
        Assert.That(versions[0].GetProperty("changedAt").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(versions[1].GetProperty("changedAt").GetDateTimeOffset()));
        Assert.That(versions[1].GetProperty("changedAt").GetDateTimeOffset(), Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Test]
    public async Task Change_with_a_stale_version_is_refused_with_409_and_the_current_version()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");
        using var first = await _admin.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, "tjgzs", version: 1));

        using var stale = await _coordinator.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, "zyz", version: 1));
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
        var current = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/routing/rules/{created.Id}");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(stale.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(2));
        Assert.That(problem.GetProperty("current").GetProperty("leadDepartment").GetString(), Is.EqualTo("tjgzs"));
        Assert.That(current.GetProperty("current").GetProperty("leadDepartment").GetString(), Is.EqualTo("tjgzs"), "the stale change was not applied");
        Assert.That(current.GetProperty("versions").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Five_changes_of_the_same_version_at_once_make_one_new_version()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");
        var leads = new[] { "tjgzs", "zyz", "fulian", "ldjc", "zhzf" };

        var answers = await Task.WhenAll(leads.Select(async lead =>
        {
            using var response = await _admin.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, lead, version: 1));
            return response.StatusCode;
        }));

        Assert.That(answers.Count(s => s == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(answers.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(4));
        var history = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/routing/rules/{created.Id}");
        Assert.That(history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public async Task Case_records_the_id_and_version_of_the_rule_that_routed_it()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");
        var early = await ReferAsync(keyword);
        using var changed = await _admin.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, "tjgzs", version: 1));

        var later = await ReferAsync(keyword);

        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Routing(early), Is.EqualTo((created.Id, 1, "sfs")));
        Assert.That(Routing(later), Is.EqualTo((created.Id, 2, "tjgzs")));
        var laterId = later.GetProperty("caseId").GetGuid();
        var stored = await _app.QueryAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == laterId));
        var route = await _app.QueryAsync(db => db.Timeline.AsNoTracking().SingleAsync(t => t.CaseId == laterId && t.Action == CaseAction.Route));
        Assert.That((stored.RoutingRuleId, stored.RoutingRuleVersion), Is.EqualTo(((long?)created.Id, (int?)2)));
        Assert.That((route.DetailValues()["rule"], route.DetailValues()["ruleVersion"]), Is.EqualTo((created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "2")));
    }

    [Test]
    public async Task Retired_rule_no_longer_routes()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");
        var before = await ReferAsync(keyword);

        using var retired = await _admin.PostAsync($"/api/routing/rules/{created.Id}/retire", null);
        var after = await ReferAsync(keyword);

        Assert.That(Routing(before), Is.EqualTo((created.Id, 1, "sfs")));
        Assert.That(retired.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var rule = await retired.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((rule.GetProperty("retired").GetBoolean(), rule.GetProperty("version").GetInt32()), Is.EqualTo((true, 2)));
        Assert.That(after.GetProperty("routing").GetProperty("ruleId").GetInt64(), Is.Not.EqualTo(created.Id));
        Assert.That(after.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("scjg"), "the seeded consumer rule");
    }

    [Test]
    public async Task Handler_may_neither_change_nor_read_the_rules()
    {
        var created = await CreateAsync(_coordinator, Keyword(), "sfs");
        using var handler = await _app.CreateUserClientAsync("handler-sfs");

        using var create = await handler.PostAsJsonAsync("/api/routing/rules", Rule(Keyword(), "sfs"));
        using var change = await handler.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(Keyword(), "sfs", version: 1));
        using var retire = await handler.PostAsync($"/api/routing/rules/{created.Id}/retire", null);
        using var list = await handler.GetAsync("/api/routing/rules");

        Assert.That(new[] { create.StatusCode, change.StatusCode, retire.StatusCode, list.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden));
        var history = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/routing/rules/{created.Id}");
        Assert.That(history.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> InvalidRules()
    {
        TestCaseData Case(string field, object rule) => new TestCaseData(rule, field).SetArgDisplayNames(field);
        yield return Case("name", new { priority = 1, disputeTypes = new[] { "消费" }, leadDepartment = "sfs" });
        yield return Case("priority", new { name = "无优先级", disputeTypes = new[] { "消费" }, leadDepartment = "sfs" });
        yield return Case("disputeTypes[1]", new { name = "未知类型", priority = 1, disputeTypes = new[] { "消费", "打麻将" }, leadDepartment = "sfs" });
        yield return Case("areas[0]", new { name = "未知村", priority = 1, areas = new[] { "atlantis" }, leadDepartment = "sfs" });
        yield return Case("leadDepartment", new { name = "未知部门", priority = 1, disputeTypes = new[] { "消费" }, leadDepartment = "nasa" });
        yield return Case("coHandlers[0]", new { name = "未知协办", priority = 1, leadDepartment = "sfs", coHandlers = new[] { "nasa" } });
        yield return Case("keywords[0]", new { name = "空关键词", priority = 1, keywords = new[] { " " }, leadDepartment = "sfs" });
    }

    [TestCaseSource(nameof(InvalidRules))]
    public async Task Invalid_rule_is_refused_with_400_naming_the_field(object rule, string field)
    {
        using var response = await _admin.PostAsJsonAsync("/api/routing/rules", rule);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Change_without_the_version_read_is_refused_naming_version()
    {
        var keyword = Keyword();
        var created = await CreateAsync(_coordinator, keyword, "sfs");

        using var response = await _admin.PutAsJsonAsync($"/api/routing/rules/{created.Id}", Rule(keyword, "tjgzs"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "version" }));
    }

    /// <summary>A word no other summary holds.</summary>
    private static string Keyword() => $"暗号{Guid.NewGuid():N}"[..12];

    private static object Rule(string keyword, string lead, int? version = null) => new
    {
        name = $"测试规则 {keyword}",
        priority = 1,
        disputeTypes = new[] { "消费" },
        keywords = new[] { keyword },
        leadDepartment = lead,
        version,
    };

    private static async Task<(long Id, int Version)> CreateAsync(HttpClient client, string keyword, string lead)
    {
        using var response = await client.PostAsJsonAsync("/api/routing/rules", Rule(keyword, lead));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var rule = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (rule.GetProperty("id").GetInt64(), rule.GetProperty("version").GetInt32());
    }

    private async Task<JsonElement> ReferAsync(string keyword)
    {
        var referral = Referrals.Valid(disputeType: "消费", address: Referrals.UniqueAddress()) with { Summary = $"顾客投诉商家，称{keyword}。" };
        using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (long RuleId, int Version, string? Lead) Routing(JsonElement receipt) =>
        (receipt.GetProperty("routing").GetProperty("ruleId").GetInt64(), receipt.GetProperty("routing").GetProperty("ruleVersion").GetInt32(),
            receipt.GetProperty("department").GetProperty("code").GetString());
}
