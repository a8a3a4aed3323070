using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Routing;

namespace Referral.Core.Tests.Support;

/// <summary>Cases as the intake makes them: referred by the Gutang station, graded, routed.</summary>
internal static class SampleCases
{
    public static readonly Actor Station = Actor.StationSystem("gutang");

    public static Case Referred(DateTimeOffset now, ValidReferral? referral = null, Guid? id = null) =>
        Case.Refer(id ?? Guid.NewGuid(), referral ?? Referrals.Valid(), "hash-1", Station, now);

    public static RoutingDecision RoutedTo(string lead, params string[] coHandlers) =>
        Router.Route(new RoutingFacts("neighbour", "wuxing", null, "争吵"),
            [Rules.Rule(5, 10, lead, coHandlers: coHandlers, version: 2)], TestAreas.All());

    public static RoutingDecision Triage() =>
        Router.Route(new RoutingFacts("neighbour", null, null, "争吵"), [], TestAreas.All());

    /// <summary>Referred, graded green and routed to <paramref name="lead"/>: the state in which a handler first sees it.</summary>
    public static Case Routed(DateTimeOffset now, string lead = "judicial", params string[] coHandlers)
    {
        var @case = Referred(now);
        @case.Grade(new GradingPolicy(new GradingOptions()).Grade(new RiskAssessment(), "neighbour", null), now);
        @case.Route(RoutedTo(lead, coHandlers), now);
        return @case;
    }

    public static Case InTriage(DateTimeOffset now)
    {
        var @case = Referred(now);
        @case.Route(Triage(), now);
        return @case;
    }
}
