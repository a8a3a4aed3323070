using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Rules;

namespace Referral.Core.Tests;

public sealed class RouterTests
{
    private static readonly List<Area> Areas = TestAreas.All();

    private const string InWuxing = "古塘街道五星村12号";
    private const string InTangjia = "古塘街道塘家社区5号";
    private const string Nowhere = "慈溪市某某路1号";

    /// <summary>One line of the routing table: the rules, the referral, and what must come out.</summary>
    public sealed record RoutingCase(
        RoutingRule[] Rules,
        RoutingFacts Facts,
        long? RuleId,
        string? Lead,
        string[] CoHandlers,
        string? Area,
        long[] Tried);

    private static RoutingFacts Facts(string type = "neighbour", string? address = InWuxing, string summary = "邻居争吵", string? areaCode = null) =>
        new(type, areaCode, address, summary);

    private static IEnumerable<TestCaseData> Table()
    {
        TestCaseData Row(string name, RoutingCase row) => new TestCaseData(row).SetArgDisplayNames(name);

        yield return Row("dispute type matches", new(
            [Rule(1, 100, "labour-inspection", types: ["labour"]), Rule(2, 200, "judicial")],
            Facts("labour"), 1, "labour-inspection", [], "wuxing", [1]));

        yield return Row("dispute type in another case matches", new(
            [Rule(1, 100, "labour-inspection", types: ["LABOUR"])],
            Facts("labour"), 1, "labour-inspection", [], "wuxing", [1]));

        yield return Row("other dispute type falls through", new(
            [Rule(1, 100, "labour-inspection", types: ["labour"]), Rule(2, 200, "judicial")],
            Facts("neighbour"), 2, "judicial", [], "wuxing", [1, 2]));

        yield return Row("keyword rule with higher priority beats type rule", new(
            [Rule(1, 100, "market-supervision", types: ["consumer"]), Rule(2, 10, "labour-inspection", keywords: ["欠薪", "工资"])],
            Facts("consumer", summary: "老板拖欠工资三个月"), 2, "labour-inspection", [], "wuxing", [2]));

        yield return Row("keyword absent: the type rule routes", new(
            [Rule(1, 100, "market-supervision", types: ["consumer"]), Rule(2, 10, "labour-inspection", keywords: ["欠薪", "工资"])],
            Facts("consumer", summary: "购买的手机有质量问题"), 1, "market-supervision", [], "wuxing", [2, 1]));

        yield return Row("keywords ignore case", new(
            [Rule(1, 10, "comprehensive-enforcement", keywords: ["ktv"])],
            Facts(summary: "楼下KTV噪音扰民"), 1, "comprehensive-enforcement", [], "wuxing", [1]));

        yield return Row("type, area and keyword together", new(
            [Rule(1, 10, "v-tangjia", types: ["neighbour"], areas: ["tangjia"], keywords: ["噪音"]), Rule(2, 20, "judicial")],
            Facts(address: InTangjia, summary: "楼上噪音"), 1, "v-tangjia", [], "tangjia", [1]));

        yield return Row("area-restricted rule for another area is skipped", new(
            [Rule(1, 10, "v-tangjia", areas: ["tangjia"]), Rule(2, 20, "judicial")],
            Facts(address: InWuxing), 2, "judicial", [], "wuxing", [1, 2]));

        yield return Row("area-restricted rule skipped when area unknown", new(
            [Rule(1, 10, "v-wuxing", areas: ["wuxing"]), Rule(2, 20, "judicial")],
            Facts(address: Nowhere), 2, "judicial", [], null, [1, 2]));

        yield return Row("area code of the referral is used before the address", new(
            [Rule(1, 10, "v-tangjia", areas: ["tangjia"]), Rule(2, 20, "judicial")],
            Facts(address: InWuxing, areaCode: "tangjia"), 1, "v-tangjia", [], "tangjia", [1]));

        yield return Row("@area lead is the committee of the resolved area", new(
            [Rule(1, 10, RoutingRule.AreaDepartment, types: ["neighbour"])],
            Facts(address: InTangjia), 1, "v-tangjia", [], "tangjia", [1]));

        yield return Row("@area lead skipped when no area: next rule", new(
            [Rule(1, 10, RoutingRule.AreaDepartment), Rule(2, 20, "judicial")],
            Facts(address: Nowhere), 2, "judicial", [], null, [1, 2]));

        yield return Row("@area lead skipped when the area has no committee: triage", new(
            [Rule(1, 10, RoutingRule.AreaDepartment)],
            Facts(address: "古塘街道无委员会村1号"), null, null, [], "nocommittee", [1]));

        yield return Row("co-handlers kept in order", new(
            [Rule(1, 10, "judicial", coHandlers: ["womens-federation", "@area"])],
            Facts(address: InWuxing), 1, "judicial", ["womens-federation", "v-wuxing"], "wuxing", [1]));

        yield return Row("co-handler equal to lead removed, duplicates once", new(
            [Rule(1, 10, "v-wuxing", coHandlers: ["@area", "judicial", "judicial", "v-wuxing"])],
            Facts(address: InWuxing), 1, "v-wuxing", ["judicial"], "wuxing", [1]));

        yield return Row("@area co-handler equal to @area lead removed", new(
            [Rule(1, 10, RoutingRule.AreaDepartment, coHandlers: [RoutingRule.AreaDepartment, "judicial"])],
            Facts(address: InWuxing), 1, "v-wuxing", ["judicial"], "wuxing", [1]));

        yield return Row("@area co-handler dropped when no area", new(
            [Rule(1, 10, "judicial", coHandlers: [RoutingRule.AreaDepartment, "womens-federation"])],
            Facts(address: Nowhere), 1, "judicial", ["womens-federation"], null, [1]));

        yield return Row("retired rule ignored", new(
            [Rule(1, 1, "old-department", retired: true), Rule(2, 5, "judicial")],
            Facts(), 2, "judicial", [], "wuxing", [2]));

        yield return Row("tie on priority: lower id first", new(
            [Rule(7, 10, "judicial"), Rule(3, 10, "womens-federation")],
            Facts(), 3, "womens-federation", [], "wuxing", [3]));

        yield return Row("rules given in any order run by priority", new(
            [Rule(1, 300, "c"), Rule(2, 100, "a", types: ["labour"]), Rule(3, 200, "b")],
            Facts(), 3, "b", [], "wuxing", [2, 3]));

        yield return Row("negative priority runs first", new(
            [Rule(1, 0, "a"), Rule(2, -5, "b")],
            Facts(), 2, "b", [], "wuxing", [2]));

        yield return Row("no rules: triage", new(
            [], Facts(), null, null, [], "wuxing", []));

        yield return Row("only retired rules: triage", new(
            [Rule(1, 10, "judicial", retired: true)], Facts(), null, null, [], "wuxing", []));

        yield return Row("no rule matches: triage", new(
            [Rule(1, 10, "labour-inspection", types: ["labour"]), Rule(2, 20, "v-tangjia", areas: ["tangjia"])],
            Facts(), null, null, [], "wuxing", [1, 2]));
    }

    [TestCaseSource(nameof(Table))]
    public void Routing_table(RoutingCase row)
    {
        var decision = Router.Route(row.Facts, row.Rules, Areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Rule?.Id, Is.EqualTo(row.RuleId), "rule");
            Assert.That(decision.LeadDepartmentCode, Is.EqualTo(row.Lead), "lead");
            Assert.That(decision.CoHandlerCodes, Is.EqualTo(row.CoHandlers), "co-handlers");
            Assert.That(decision.AreaCode, Is.EqualTo(row.Area), "area");
            Assert.That(decision.IsTriage, Is.EqualTo(row.Lead is null), "triage");
            Assert.That(decision.Evaluations.Select(e => e.RuleId), Is.EqualTo(row.Tried), "rules tried, in order");
            Assert.That(decision.Evaluations.Select(e => e.Matched),
                Is.EqualTo(row.Tried.Select(id => id == row.RuleId)), "only the deciding rule matched");
        }
    }

    // ---- explanations

    [Test]
    public void Evaluations_explain_why_each_rule_tried_did_or_did_not_match()
    {
        Area[] areas = [.. Areas];
        RoutingRule[] rules =
        [
            Rule(1, 10, "labour-inspection", types: ["labour"], name: "劳资"),
            Rule(2, 20, "v-tangjia", areas: ["tangjia"], name: "塘家"),
            Rule(3, 30, "v-wuxing", areas: ["wuxing"], name: "无区域"),
            Rule(4, 40, "comprehensive-enforcement", keywords: ["噪音", "油烟"], name: "噪音油烟"),
            Rule(5, 50, RoutingRule.AreaDepartment, name: "属地"),
            Rule(6, 60, "judicial", types: ["neighbour"], keywords: ["漏水"], name: "邻里漏水", version: 3),
            Rule(7, 70, "never-tried"),
        ];

        var decision = Router.Route(new RoutingFacts("neighbour", null, Nowhere, "楼上漏水"), rules, areas);

        Assert.That(decision.Evaluations.Select(e => (e.RuleId, e.Version, e.Name, e.Priority, e.Matched, e.Reason)), Is.EqualTo(new[]
        {
            (1L, 1, "劳资", 10, false, "纠纷类型 neighbour 不在 [labour]"),
            (2L, 1, "塘家", 20, false, "规则限定村/社区，但未识别出村/社区"),
            (3L, 1, "无区域", 30, false, "规则限定村/社区，但未识别出村/社区"),
            (4L, 1, "噪音油烟", 40, false, "简要案情不含关键词 [噪音, 油烟]"),
            (5L, 1, "属地", 50, false, "主办单位为所在村/社区，但未识别出村/社区"),
            (6L, 3, "邻里漏水", 60, true, "纠纷类型 neighbour，关键词「漏水」"),
        }));
    }

    [Test]
    public void Area_of_another_village_is_named_in_the_reason() =>
        Assert.That(Router.Route(Facts(address: InWuxing), [Rule(1, 10, "v-tangjia", areas: ["tangjia", "wuxing-new"])], Areas)
                .Evaluations.Single().Reason,
            Is.EqualTo("村/社区 wuxing 不在 [tangjia, wuxing-new]"));

    [Test]
    public void Area_lead_on_an_area_without_a_committee_says_so() =>
        Assert.That(Router.Route(Facts(address: "古塘街道无委员会村1号"), [Rule(1, 10, RoutingRule.AreaDepartment)], Areas)
                .Evaluations.Single().Reason,
            Is.EqualTo("主办单位为所在村/社区，但村/社区 nocommittee 没有对应的村/社区委员会"));

    [Test]
    public void The_decision_names_the_rule_its_version_priority_reason_and_area()
    {
        var rule = Rule(12, 40, "v-tangjia", types: ["neighbour"], areas: ["tangjia"], name: "塘家邻里", version: 2);

        var decision = Router.Route(Facts(address: InTangjia), [rule], Areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Rule, Is.SameAs(rule));
            Assert.That(decision.Explanation, Is.EqualTo(
                "规则 #12 v2「塘家邻里」（优先级 40）命中：纠纷类型 neighbour，村/社区 tangjia；村/社区 塘家社区（地址含「塘家社区」）。"));
        }
    }

    [Test]
    public void A_rule_without_conditions_matches_any_dispute_type() =>
        Assert.That(Router.Route(Facts("labour", address: null), [Rule(1, 10, "center")], Areas).Explanation,
            Is.EqualTo("规则 #1 v1「rule 1」（优先级 10）命中：任意纠纷类型；未识别村/社区。"));

    [Test]
    public void Without_rules_the_case_goes_to_triage_and_says_so()
    {
        var decision = Router.Route(Facts(address: InWuxing), [Rule(1, 1, "x", retired: true)], Areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsTriage, Is.True);
            Assert.That(decision.Rule, Is.Null);
            Assert.That(decision.Explanation, Is.EqualTo("没有启用的分流规则，转矛调中心待分派；村/社区 五星村（地址含「五星村」）。"));
        }
    }

    [Test]
    public void When_no_rule_matches_the_case_goes_to_triage_and_says_how_many_were_tried()
    {
        var decision = Router.Route(Facts("labour", address: Nowhere), [Rule(1, 1, "a", types: ["romance"]), Rule(2, 2, "b", types: ["consumer"])], Areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsTriage, Is.True);
            Assert.That(decision.CoHandlerCodes, Is.Empty);
            Assert.That(decision.Explanation, Is.EqualTo("2 条规则均未命中，转矛调中心待分派；未识别村/社区。"));
        }
    }
}
