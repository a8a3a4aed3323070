namespace Referral.Core.Reference;

/// <summary>A village or community (村/社区) of the street; routing can match on it.</summary>
public sealed class Area
{
    public required string Code { get; init; }
    public required string Name { get; set; }

    /// <summary>Other names people write in addresses (e.g. the short name without 村).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The village committee that handles cases of this area.</summary>
    public string? DepartmentCode { get; set; }

    public bool IsActive { get; set; } = true;

    public IEnumerable<string> Names() => Aliases.Prepend(Name).Where(n => n.Length > 0);
}
