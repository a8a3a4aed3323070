using Referral.Core.Routing;
using Referral.Service.Reference;

namespace Referral.Service.Routing;

/// <summary>A routing rule as an admin writes it. Codes are checked against the reference data.</summary>
public sealed record RuleInput(
    string? Name,
    int? Priority,
    IReadOnlyList<string>? DisputeTypes,
    IReadOnlyList<string>? Areas,
    IReadOnlyList<string>? Keywords,
    string? LeadDepartment,
    IReadOnlyList<string>? CoHandlers,
    int? Version)
{
    public Dictionary<string, string[]> Validate(ReferenceDataCache reference)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        if (string.IsNullOrWhiteSpace(Name)) Fail("name", "必填 (is required)");
        else if (Name.Length > 100) Fail("name", "不能超过100个字符 (at most 100 characters)");
        if (Priority is null) Fail("priority", "必填 (is required)");
        else if (Priority is < 0 or > 100_000) Fail("priority", "应在 0 到 100000 之间 (between 0 and 100000)");
        foreach (var (code, i) in (DisputeTypes ?? []).Select((c, i) => (c, i)))
            if (reference.FindDisputeType(code) is null) Fail($"disputeTypes[{i}]", "未知的纠纷类型 (unknown dispute type)");
        foreach (var (code, i) in (Areas ?? []).Select((c, i) => (c, i)))
            if (reference.Areas.All(a => a.Code != code)) Fail($"areas[{i}]", "未知的村/社区代码 (unknown area)");
        foreach (var (word, i) in (Keywords ?? []).Select((w, i) => (w, i)))
            if (string.IsNullOrWhiteSpace(word) || word.Length > 50) Fail($"keywords[{i}]", "关键词不能为空且不超过50字 (1 to 50 characters)");
        if (string.IsNullOrWhiteSpace(LeadDepartment)) Fail("leadDepartment", "必填 (is required)");
        else if (!IsDepartment(LeadDepartment, reference)) Fail("leadDepartment", "未知的部门代码 (unknown department; or @area)");
        foreach (var (code, i) in (CoHandlers ?? []).Select((c, i) => (c, i)))
            if (!IsDepartment(code, reference)) Fail($"coHandlers[{i}]", "未知的部门代码 (unknown department; or @area)");
        return errors;
    }

    private static bool IsDepartment(string code, ReferenceDataCache reference) =>
        code == RoutingRule.AreaDepartment || reference.FindDepartment(code) is { IsActive: true };

    public void ApplyTo(RoutingRule rule, ReferenceDataCache reference)
    {
        rule.Name = Name!.Trim();
        rule.Priority = Priority!.Value;
        rule.DisputeTypeCodes = (DisputeTypes ?? []).Select(t => reference.FindDisputeType(t)!.Code).Distinct().ToList();
        rule.AreaCodes = (Areas ?? []).Distinct().ToList();
        rule.Keywords = (Keywords ?? []).Select(k => k.Trim()).Distinct().ToList();
        rule.LeadDepartmentCode = LeadDepartment!.Trim();
        rule.CoHandlerCodes = (CoHandlers ?? []).Distinct().ToList();
    }
}

public sealed record RuleView(
    long Id, int Version, string Name, int Priority, IReadOnlyList<string> DisputeTypes, IReadOnlyList<string> Areas,
    IReadOnlyList<string> Keywords, string LeadDepartment, IReadOnlyList<string> CoHandlers, bool Retired,
    DateTimeOffset ChangedAt, string ChangedBy)
{
    public static RuleView Of(RoutingRule r) => new(r.Id, r.Version, r.Name, r.Priority, r.DisputeTypeCodes, r.AreaCodes, r.Keywords,
        r.LeadDepartmentCode, r.CoHandlerCodes, r.IsRetired, r.ChangedAt, r.ChangedBy);

    public static RuleView Of(RoutingRuleVersion r) => new(r.RuleId, r.Version, r.Name, r.Priority, r.DisputeTypeCodes, r.AreaCodes, r.Keywords,
        r.LeadDepartmentCode, r.CoHandlerCodes, r.IsRetired, r.ChangedAt, r.ChangedBy);
}
