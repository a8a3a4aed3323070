namespace Referral.Core.Grading;

/// <summary>One reason for a color, kept on the case so that the color can be explained.</summary>
public sealed record GradingFactor(string Code, WarningColor Color, string Description);

public sealed record GradingResult(WarningColor Color, IReadOnlyList<GradingFactor> Factors);

/// <summary>Sets the initial color of a referral from the risk assessment; any one factor suffices.</summary>
public sealed class GradingPolicy(GradingOptions options)
{
    /// <param name="recurrence">
    /// The factor of a recurrence (<c>Recurrence.RecurrenceMatch.Factor</c>): red, saying what matched and which case; null when none.
    /// </param>
    public GradingResult Grade(RiskAssessment risk, string disputeTypeCode, GradingFactor? recurrence)
    {
        var factors = new List<GradingFactor>();
        void Add(bool when, string code, WarningColor color, string description)
        {
            if (when) factors.Add(new GradingFactor(code, color, description));
        }

        Add(risk.ThreatsOrWeapons, "threats-or-weapons", WarningColor.Red, "有威胁或持械 (threats or weapons)");
        Add(risk.Violence, "violence", WarningColor.Red, "有暴力行为 (violence)");
        Add(risk.SelfHarmRisk, "self-harm-risk", WarningColor.Red, "有自伤自残风险 (self-harm risk)");
        Add(risk.PoliceCallsLast30Days >= options.RedPoliceCalls, "repeat-calls", WarningColor.Red,
            $"30日内报警{risk.PoliceCallsLast30Days}次 (≥{options.RedPoliceCalls} police calls in 30 days)");
        Add(risk.PartiesCount >= options.GroupDisputeParties, "group-dispute", WarningColor.Red,
            $"群体性纠纷，涉及{risk.PartiesCount}方 (≥{options.GroupDisputeParties} parties)");
        if (recurrence is not null) factors.Add(recurrence);

        Add(risk.PoliceCallsLast30Days >= options.YellowPoliceCalls && risk.PoliceCallsLast30Days < options.RedPoliceCalls,
            "repeat-call", WarningColor.Yellow, $"30日内报警{risk.PoliceCallsLast30Days}次 (repeat police call)");
        Add(risk.VulnerablePersons, "vulnerable-persons", WarningColor.Yellow, "涉及未成年人、老年人或残疾人 (vulnerable persons)");
        Add(risk.AmountAtStakeYuan > options.YellowAmountYuan, "money-at-stake", WarningColor.Yellow,
            $"涉及金额超过{options.YellowAmountYuan:0}元 (money at stake)");
        Add(risk.LeftHome && options.RelationshipDisputeTypes.Contains(disputeTypeCode), "left-home", WarningColor.Yellow,
            "情感纠纷已致离家出走 (someone left home)");

        var color = factors.Count == 0 ? WarningColor.Green : factors.Max(f => f.Color);
        return new GradingResult(color, factors);
    }
}
