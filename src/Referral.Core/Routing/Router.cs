using Referral.Core.Reference;

namespace Referral.Core.Routing;

/// <summary>The facts of a referral that routing looks at.</summary>
public sealed record RoutingFacts(string DisputeTypeCode, string? AreaCode, string? Address, string Summary);

/// <summary>Why one rule did or did not match; the dry run shows these in order.</summary>
public sealed record RuleEvaluation(long RuleId, int Version, string Name, int Priority, bool Matched, string Reason);

public sealed record RoutingDecision(
    RoutingRule? Rule,
    string? LeadDepartmentCode,
    IReadOnlyList<string> CoHandlerCodes,
    string? AreaCode,
    string Explanation,
    IReadOnlyList<RuleEvaluation> Evaluations)
{
    public bool IsTriage => LeadDepartmentCode is null;
}

/// <summary>Applies routing rules in priority order; no match sends the case to the center's triage queue.</summary>
public static class Router
{
    public static RoutingDecision Route(RoutingFacts facts, IEnumerable<RoutingRule> rules, IReadOnlyList<Area> areas)
    {
        var area = AreaResolver.Resolve(facts.AreaCode, facts.Address, areas);
        var areaText = area is null ? "未识别村/社区" : $"村/社区 {area.Area.Name}（{area.How}）";
        var evaluations = new List<RuleEvaluation>();
        foreach (var rule in rules.Where(r => !r.IsRetired).OrderBy(r => r.Priority).ThenBy(r => r.Id))
        {
            var miss = WhyNot(rule, facts, area?.Area);
            if (miss is not null)
            {
                evaluations.Add(new RuleEvaluation(rule.Id, rule.Version, rule.Name, rule.Priority, false, miss));
                continue;
            }
            var lead = rule.LeadDepartmentCode == RoutingRule.AreaDepartment ? area!.Area.DepartmentCode! : rule.LeadDepartmentCode;
            var reason = Because(rule, facts, area?.Area);
            evaluations.Add(new RuleEvaluation(rule.Id, rule.Version, rule.Name, rule.Priority, true, reason));
            var explanation = $"规则 #{rule.Id} v{rule.Version}「{rule.Name}」（优先级 {rule.Priority}）命中：{reason}；{areaText}。";
            var coHandlers = rule.CoHandlerCodes
                .Select(c => c == RoutingRule.AreaDepartment ? area?.Area.DepartmentCode : c)
                .OfType<string>().Where(c => c != lead).Distinct().ToList();
            return new RoutingDecision(rule, lead, coHandlers, area?.Area.Code, explanation, evaluations);
        }
        var triage = evaluations.Count == 0
            ? $"没有启用的分流规则，转矛调中心待分派；{areaText}。"
            : $"{evaluations.Count} 条规则均未命中，转矛调中心待分派；{areaText}。";
        return new RoutingDecision(null, null, [], area?.Area.Code, triage, evaluations);
    }

    private static string? WhyNot(RoutingRule rule, RoutingFacts facts, Area? area)
    {
        if (rule.DisputeTypeCodes.Count > 0 && !rule.DisputeTypeCodes.Contains(facts.DisputeTypeCode, StringComparer.OrdinalIgnoreCase))
            return $"纠纷类型 {facts.DisputeTypeCode} 不在 [{string.Join(", ", rule.DisputeTypeCodes)}]";
        if (rule.AreaCodes.Count > 0 && (area is null || !rule.AreaCodes.Contains(area.Code, StringComparer.OrdinalIgnoreCase)))
            return area is null ? "规则限定村/社区，但未识别出村/社区" : $"村/社区 {area.Code} 不在 [{string.Join(", ", rule.AreaCodes)}]";
        if (rule.Keywords.Count > 0 && !rule.Keywords.Any(k => facts.Summary.Contains(k, StringComparison.OrdinalIgnoreCase)))
            return $"简要案情不含关键词 [{string.Join(", ", rule.Keywords)}]";
        if (rule.LeadDepartmentCode == RoutingRule.AreaDepartment && area?.DepartmentCode is null)
            return area is null
                ? "主办单位为所在村/社区，但未识别出村/社区"
                : $"主办单位为所在村/社区，但村/社区 {area.Code} 没有对应的村/社区委员会";
        return null;
    }

    private static string Because(RoutingRule rule, RoutingFacts facts, Area? area)
    {
        var parts = new List<string>
        {
            rule.DisputeTypeCodes.Count > 0 ? $"纠纷类型 {facts.DisputeTypeCode}" : "任意纠纷类型",
        };
        if (rule.AreaCodes.Count > 0) parts.Add($"村/社区 {area!.Code}");
        if (rule.Keywords.Count > 0)
            parts.Add($"关键词「{rule.Keywords.First(k => facts.Summary.Contains(k, StringComparison.OrdinalIgnoreCase))}」");
        return string.Join("，", parts);
    }
}
