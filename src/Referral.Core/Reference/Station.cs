namespace Referral.Core.Reference;

/// <summary>A police station (派出所) that refers incidents.</summary>
public sealed class Station
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
}
