namespace Referral.Core.Grading;

/// <summary>The officer's risk assessment on scene (存在再次激发可能性), as the case keeps it.</summary>
public sealed record RiskAssessment
{
    public int PoliceCallsLast30Days { get; init; }
    public bool ThreatsOrWeapons { get; init; }
    public bool Violence { get; init; }
    public bool SelfHarmRisk { get; init; }
    public bool VulnerablePersons { get; init; }
    public int PartiesCount { get; init; }
    public decimal AmountAtStakeYuan { get; init; }
    public bool LeftHome { get; init; }
}
