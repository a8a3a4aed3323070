namespace Referral.Core.Reference;

public enum DepartmentKind
{
    /// <summary>The street conflict-mediation center (街道矛调中心).</summary>
    Center,
    /// <summary>A government department: law enforcement, market supervision, women's federation...</summary>
    Department,
    /// <summary>A village or community committee (村/社区).</summary>
    Village,
    /// <summary>Third-party mediation (第三方调解), e.g. a retired officer's studio.</summary>
    ThirdParty,
    /// <summary>Professional volunteers (专业志愿者).</summary>
    Volunteer,
}

/// <summary>Any unit that takes cases: the center, a department, a village committee, a mediator.</summary>
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public DepartmentKind Kind { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
}
