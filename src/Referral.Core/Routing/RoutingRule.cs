namespace Referral.Core.Routing;

/// <summary>
/// Routing is data: a rule maps (dispute type, area, keywords) to a lead department and optional
/// co-handlers. Rules are tried by ascending priority; the first that matches routes the case.
/// Every change makes a new version, kept in the history with who and when.
/// </summary>
public sealed class RoutingRule
{
    /// <summary>Lead department placeholder: the village committee of the case's area.</summary>
    public const string AreaDepartment = "@area";

    public long Id { get; private set; }
    public int Version { get; set; } = 1;
    public required string Name { get; set; }

    /// <summary>Lower runs first.</summary>
    public int Priority { get; set; }

    /// <summary>Dispute type codes that match; empty matches every type.</summary>
    public List<string> DisputeTypeCodes { get; set; } = [];

    /// <summary>Area codes that match; empty matches every area, including none.</summary>
    public List<string> AreaCodes { get; set; } = [];

    /// <summary>Words of which at least one must appear in the summary; empty needs none.</summary>
    public List<string> Keywords { get; set; } = [];

    /// <summary>A department code, or <see cref="AreaDepartment"/>.</summary>
    public required string LeadDepartmentCode { get; set; }

    public List<string> CoHandlerCodes { get; set; } = [];
    public bool IsRetired { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

/// <summary>A snapshot of a rule as it was at one version, kept forever.</summary>
public sealed class RoutingRuleVersion
{
    public long Id { get; private set; }
    public long RuleId { get; init; }
    public int Version { get; init; }
    public required string Name { get; init; }
    public int Priority { get; init; }
    public List<string> DisputeTypeCodes { get; init; } = [];
    public List<string> AreaCodes { get; init; } = [];
    public List<string> Keywords { get; init; } = [];
    public required string LeadDepartmentCode { get; init; }
    public List<string> CoHandlerCodes { get; init; } = [];
    public bool IsRetired { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    public string ChangedBy { get; init; } = "";

    public static RoutingRuleVersion Of(RoutingRule rule) => new()
    {
        RuleId = rule.Id,
        Version = rule.Version,
        Name = rule.Name,
        Priority = rule.Priority,
        DisputeTypeCodes = [.. rule.DisputeTypeCodes],
        AreaCodes = [.. rule.AreaCodes],
        Keywords = [.. rule.Keywords],
        LeadDepartmentCode = rule.LeadDepartmentCode,
        CoHandlerCodes = [.. rule.CoHandlerCodes],
        IsRetired = rule.IsRetired,
        ChangedAt = rule.ChangedAt,
        ChangedBy = rule.ChangedBy,
    };
}
