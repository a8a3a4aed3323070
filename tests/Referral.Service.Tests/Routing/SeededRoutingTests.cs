using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Testing;

namespace Referral.Service.Tests.Routing;

/// <summary>The seeded demo rules, listed and explained. Nothing in this fixture changes a rule.</summary>
public sealed class SeededRoutingTests
{
    private ReferralApp _app = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _coordinator = await _app.CreateUserClientAsync("coordinator");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _coordinator.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Rules_list_the_ten_seeded_rules_by_priority()
    {
        var rules = (await _coordinator.GetFromJsonAsync<JsonElement>("/api/routing/rules")).EnumerateArray().ToList();

        Assert.That(rules.Select(r => r.GetProperty("priority").GetInt32()), Is.EqualTo(new[] { 5, 10, 20, 30, 40, 45, 50, 60, 65, 70 }));
        Assert.That(rules.Select(r => r.GetProperty("name").GetString()), Does.Contain("欠薪关键词 → 劳动监察").And.Contain("邻里纠纷 → 所在村社"));
        Assert.That(rules.Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("retired").GetBoolean(), r.GetProperty("changedBy").GetString())),
            Is.All.EqualTo((1, false, "seed")));
    }

    private static IEnumerable<TestCaseData> Typical()
    {
        TestCaseData Case(string type, string address, string? summary, string? lead, string[] coHandlers, string? rule) =>
            new TestCaseData(type, address, summary, lead, coHandlers, rule).SetArgDisplayNames($"{type} → {lead ?? "triage"}");

        yield return Case("合同债务", "慈溪市古塘街道云霞社区8幢", "包工头欠薪三个月，工人多次上门讨要。", "ldjc", [], "欠薪关键词 → 劳动监察");
        yield return Case("婚恋情感", "慈溪市古塘街道塘东村3组12号", null, "fulian", ["tangdong", "zyz"], "婚姻情感 → 妇联（村社协办）");
        yield return Case("婚姻家庭", "慈溪市古塘街道桂香社区2幢", null, "fulian", ["guixiang", "zyz"], "婚姻情感 → 妇联（村社协办）");
        yield return Case("劳动争议/欠薪", "慈溪市古塘街道北桥社区", null, "ldjc", [], "劳动争议 → 劳动监察");
        yield return Case("消费", "慈溪市古塘街道南苑社区", null, "scjg", [], "消费纠纷 → 市场监管");
        yield return Case("环境噪音", "慈溪市古塘街道柳岸社区", null, "zhzf", [], "环境噪音 → 综合执法");
        yield return Case("医疗", "慈溪市古塘街道新浦社区", null, "tjgzs", ["sfs"], "医疗纠纷 → 第三方调解");
        yield return Case("道路交通事故", "慈溪市古塘街道东河村", null, "sfs", [], "合同债务/损害赔偿/交通事故 → 司法所");
        yield return Case("物业", "慈溪市古塘街道潮塘社区5幢201室", null, "chaotang", [], "物业 → 所在社区");
        yield return Case("山林土地", "慈溪市古塘街道白沙村林场", null, "baisha", ["sfs"], "房屋宅基地/山林土地 → 所在村（司法所协办）");
        yield return Case("邻里", "慈溪市古塘街道海晏村6组", null, "haiyan", [], "邻里纠纷 → 所在村社");
        yield return Case("其他", "慈溪市古塘街道塘东村3组12号", null, null, [], null);
        yield return Case("邻里", "慈溪市古塘街道新城大道88号", null, null, [], null);
    }

    [TestCaseSource(nameof(Typical))]
    public async Task Explain_tells_where_a_typical_referral_goes_and_why_and_stores_nothing(string disputeType, string address, string? summary,
        string? lead, string[] coHandlers, string? ruleName)
    {
        var referral = Referrals.Valid(disputeType: disputeType, address: address);
        if (summary is not null) referral = referral with { Summary = summary };
        var before = await CountsAsync();

        using var response = await _coordinator.PostAsJsonAsync("/api/routing/explain", referral);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.GetProperty("leadDepartment").GetString(), Is.EqualTo(lead));
        Assert.That(answer.GetProperty("coHandlers").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(coHandlers));
        Assert.That(answer.GetProperty("ruleName").GetString(), Is.EqualTo(ruleName));
        var evaluations = answer.GetProperty("evaluations").EnumerateArray().ToList();
        Assert.That(evaluations.Select(e => e.GetProperty("reason").GetString()), Has.All.Not.Empty, "every rule tried says why");
        if (ruleName is null)
        {
            Assert.That(answer.GetProperty("explanation").GetString(), Does.Contain("转矛调中心待分派"));
            Assert.That(evaluations, Has.Count.EqualTo(10).And.All.Matches<JsonElement>(e => !e.GetProperty("matched").GetBoolean()));
        }
        else
        {
            Assert.That(answer.GetProperty("explanation").GetString(), Does.Contain(ruleName));
            Assert.That(evaluations[^1].GetProperty("name").GetString(), Is.EqualTo(ruleName));
            Assert.That(evaluations[^1].GetProperty("matched").GetBoolean(), Is.True);
            Assert.That(evaluations[..^1].Select(e => e.GetProperty("matched").GetBoolean()), Has.None.True, "the first match by priority wins");
        }
        Assert.That(await CountsAsync(), Is.EqualTo(before), "explaining stores nothing");
    }

    [Test]
    public async Task Explain_says_why_the_area_rule_missed_when_no_village_is_recognised()
    {
        var referral = Referrals.Valid(disputeType: "邻里", address: "慈溪市古塘街道新城大道88号");

        var answer = await (await _coordinator.PostAsJsonAsync("/api/routing/explain", referral)).Content.ReadFromJsonAsync<JsonElement>();

        var areaRule = answer.GetProperty("evaluations").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "邻里纠纷 → 所在村社");
        Assert.That(areaRule.GetProperty("matched").GetBoolean(), Is.False);
        Assert.That(areaRule.GetProperty("reason").GetString(), Does.Contain("未识别出村/社区"));
        Assert.That(answer.GetProperty("area").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(answer.GetProperty("explanation").GetString(), Does.Contain("未识别村/社区"));
    }

    [Test]
    public async Task Explain_names_the_area_found_and_the_color_the_referral_would_get()
    {
        var referral = Referrals.Valid(disputeType: "物业", address: "慈溪市古塘街道潮塘社区5幢201室", risk: new RiskInfo { Violence = true });
        using var station = _app.CreateStationClient();

        var answer = await (await station.PostAsJsonAsync("/api/routing/explain", referral)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(answer.GetProperty("area").GetProperty("code").GetString(), Is.EqualTo("chaotang"));
        Assert.That(answer.GetProperty("area").GetProperty("how").GetString(), Does.Contain("潮塘社区"));
        Assert.That(answer.GetProperty("color").GetString(), Is.EqualTo("red"));
        Assert.That(answer.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(new[] { "violence" }));
    }

    [Test]
    public async Task Explain_refuses_an_unknown_dispute_type_naming_the_field()
    {
        using var response = await _coordinator.PostAsJsonAsync("/api/routing/explain", Referrals.Valid(disputeType: "打麻将"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "disputeType" }));
    }

    private Task<(int Cases, int Outbox, int Fingerprints)> CountsAsync() => _app.QueryAsync(async db =>
        (await db.Cases.CountAsync(), await db.Outbox.CountAsync(), await db.PartyFingerprints.CountAsync()));
}
