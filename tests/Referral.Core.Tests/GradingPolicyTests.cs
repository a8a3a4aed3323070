using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;

namespace Referral.Core.Tests;

public sealed class GradingPolicyTests
{
    private static readonly GradingPolicy Defaults = new(new GradingOptions());

    private static readonly GradingFactor SamePhone =
        new RecurrenceMatch(Guid.NewGuid(), "GT-2025-0001", FingerprintKind.Phone, "138****1234").Factor();

    private static IEnumerable<TestCaseData> SingleFactors()
    {
        TestCaseData Case(string name, RiskAssessment risk, WarningColor color, string code, string type = "neighbour", bool recurrence = false) =>
            new TestCaseData(risk, type, recurrence, color, code).SetArgDisplayNames(name);

        yield return Case("threats or weapons", new() { ThreatsOrWeapons = true }, WarningColor.Red, "threats-or-weapons");
        yield return Case("violence", new() { Violence = true }, WarningColor.Red, "violence");
        yield return Case("self-harm", new() { SelfHarmRisk = true }, WarningColor.Red, "self-harm-risk");
        yield return Case("3 calls", new() { PoliceCallsLast30Days = 3 }, WarningColor.Red, "repeat-calls");
        yield return Case("12 calls", new() { PoliceCallsLast30Days = 12 }, WarningColor.Red, "repeat-calls");
        yield return Case("5 parties", new() { PartiesCount = 5 }, WarningColor.Red, "group-dispute");
        yield return Case("recurrence", new(), WarningColor.Red, "recurrence", recurrence: true);
        yield return Case("2 calls", new() { PoliceCallsLast30Days = 2 }, WarningColor.Yellow, "repeat-call");
        yield return Case("vulnerable", new() { VulnerablePersons = true }, WarningColor.Yellow, "vulnerable-persons");
        yield return Case("50,000.01 yuan", new() { AmountAtStakeYuan = 50_000.01m }, WarningColor.Yellow, "money-at-stake");
        yield return Case("left home, marriage", new() { LeftHome = true }, WarningColor.Yellow, "left-home", type: "marriage-family");
        yield return Case("left home, romance", new() { LeftHome = true }, WarningColor.Yellow, "left-home", type: "romance");
    }

    [TestCaseSource(nameof(SingleFactors))]
    public void Each_factor_alone_gives_its_color_and_its_code(
        RiskAssessment risk, string disputeType, bool recurrence, WarningColor color, string code)
    {
        var result = Defaults.Grade(risk, disputeType, recurrence ? SamePhone : null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Color, Is.EqualTo(color));
            Assert.That(result.Factors.Select(f => (f.Code, f.Color)), Is.EqualTo(new[] { (code, color) }));
            Assert.That(result.Factors[0].Description, Is.Not.Empty);
        }
    }

    private static IEnumerable<TestCaseData> BelowThresholds()
    {
        yield return new TestCaseData(new RiskAssessment(), "neighbour").SetArgDisplayNames("nothing");
        yield return new TestCaseData(new RiskAssessment { PoliceCallsLast30Days = 1 }, "neighbour").SetArgDisplayNames("1 call");
        yield return new TestCaseData(new RiskAssessment { PartiesCount = 4 }, "neighbour").SetArgDisplayNames("4 parties");
        yield return new TestCaseData(new RiskAssessment { AmountAtStakeYuan = 50_000m }, "labour").SetArgDisplayNames("exactly 50,000 yuan");
        yield return new TestCaseData(new RiskAssessment { LeftHome = true }, "neighbour").SetArgDisplayNames("left home, neighbours");
        yield return new TestCaseData(new RiskAssessment { LeftHome = true }, "labour").SetArgDisplayNames("left home, labour");
    }

    [TestCaseSource(nameof(BelowThresholds))]
    public void Without_any_factor_the_case_is_green(RiskAssessment risk, string disputeType)
    {
        var result = Defaults.Grade(risk, disputeType, recurrence: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Color, Is.EqualTo(WarningColor.Green));
            Assert.That(result.Factors, Is.Empty);
        }
    }

    [Test]
    public void Several_factors_give_the_highest_color_and_are_all_kept()
    {
        var risk = new RiskAssessment { VulnerablePersons = true, Violence = true, AmountAtStakeYuan = 80_000m };

        var result = Defaults.Grade(risk, "labour", recurrence: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Color, Is.EqualTo(WarningColor.Red));
            Assert.That(result.Factors.Select(f => f.Code), Is.EquivalentTo(new[] { "violence", "vulnerable-persons", "money-at-stake" }));
        }
    }

    [Test]
    public void Several_yellow_factors_stay_yellow()
    {
        var risk = new RiskAssessment { PoliceCallsLast30Days = 2, VulnerablePersons = true, LeftHome = true };

        var result = Defaults.Grade(risk, "marriage-family", recurrence: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Color, Is.EqualTo(WarningColor.Yellow));
            Assert.That(result.Factors, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public void Red_repeat_calls_do_not_also_count_as_a_yellow_repeat_call() =>
        Assert.That(Defaults.Grade(new RiskAssessment { PoliceCallsLast30Days = 3 }, "neighbour", null).Factors.Select(f => f.Code),
            Is.EqualTo(new[] { "repeat-calls" }));

    [Test]
    public void Factor_descriptions_give_the_figures_that_triggered_them()
    {
        var result = Defaults.Grade(new RiskAssessment { PoliceCallsLast30Days = 4, PartiesCount = 7 }, "neighbour", null);

        Assert.That(result.Factors.Select(f => f.Description), Is.EqualTo(new[]
        {
            "30日内报警4次 (≥3 police calls in 30 days)",
            "群体性纠纷，涉及7方 (≥5 parties)",
        }));
    }

    // ---- configurable thresholds

    [TestCase(2, WarningColor.Green)]
    [TestCase(3, WarningColor.Yellow)]
    [TestCase(4, WarningColor.Yellow)]
    [TestCase(5, WarningColor.Red)]
    public void Police_call_thresholds_are_configurable(int calls, WarningColor expected)
    {
        var policy = new GradingPolicy(new GradingOptions { YellowPoliceCalls = 3, RedPoliceCalls = 5 });

        Assert.That(policy.Grade(new RiskAssessment { PoliceCallsLast30Days = calls }, "neighbour", null).Color, Is.EqualTo(expected));
    }

    [TestCase(9, WarningColor.Green)]
    [TestCase(10, WarningColor.Red)]
    public void Group_dispute_threshold_is_configurable(int parties, WarningColor expected)
    {
        var policy = new GradingPolicy(new GradingOptions { GroupDisputeParties = 10 });

        Assert.That(policy.Grade(new RiskAssessment { PartiesCount = parties }, "labour", null).Color, Is.EqualTo(expected));
    }

    [TestCase("10000", WarningColor.Green)]
    [TestCase("10000.01", WarningColor.Yellow)]
    public void Money_threshold_is_configurable(string amount, WarningColor expected)
    {
        var policy = new GradingPolicy(new GradingOptions { YellowAmountYuan = 10_000m });
        var risk = new RiskAssessment { AmountAtStakeYuan = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.That(policy.Grade(risk, "consumer", null).Color, Is.EqualTo(expected));
    }

    [TestCase("neighbour", WarningColor.Yellow)]
    [TestCase("marriage-family", WarningColor.Green)]
    public void Relationship_dispute_types_are_configurable(string disputeType, WarningColor expected)
    {
        var policy = new GradingPolicy(new GradingOptions { RelationshipDisputeTypes = ["neighbour"] });

        Assert.That(policy.Grade(new RiskAssessment { LeftHome = true }, disputeType, null).Color, Is.EqualTo(expected));
    }
}
