namespace Referral.Core.Grading;

/// <summary>Thresholds of the three-color grading (DESIGN.md section 4); all configurable.</summary>
public sealed class GradingOptions
{
    public const string Section = "Grading";

    /// <summary>Police calls on the same dispute in 30 days that make a case red.</summary>
    public int RedPoliceCalls { get; set; } = 3;

    /// <summary>Police calls on the same dispute in 30 days that make a case yellow.</summary>
    public int YellowPoliceCalls { get; set; } = 2;

    /// <summary>Parties from which a dispute counts as a group dispute (群体性纠纷), red.</summary>
    public int GroupDisputeParties { get; set; } = 5;

    /// <summary>Money at stake above which a case is yellow.</summary>
    public decimal YellowAmountYuan { get; set; } = 50_000m;

    /// <summary>Dispute types where someone leaving home makes the case yellow.</summary>
    public List<string> RelationshipDisputeTypes { get; set; } = ["marriage-family", "romance"];
}
