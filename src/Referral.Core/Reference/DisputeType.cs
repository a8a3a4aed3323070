namespace Referral.Core.Reference;

/// <summary>A dispute type of the taxonomy (纠纷类型), admin-editable.</summary>
public sealed class DisputeType
{
    public required string Code { get; init; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}
