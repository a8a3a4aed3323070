using Microsoft.Extensions.Time.Testing;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Core.Tests.Support;

namespace Referral.Core.Tests;

public sealed class CaseIntakeTests
{
    private readonly FakeTimeProvider _clock = new(Referrals.Now);
    private readonly GradingPolicy _grading = new(new GradingOptions());

    private DateTimeOffset Tick()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        return _clock.GetUtcNow();
    }

    [Test]
    public void Refer_copies_the_referral_and_records_the_first_entry()
    {
        var id = Guid.NewGuid();
        var referral = Referrals.Valid();
        var now = _clock.GetUtcNow();

        var @case = Case.Refer(id, referral, "content-hash", SampleCases.Station, now);

        var entry = @case.NewEntries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Id, Is.EqualTo(id));
            Assert.That(@case.StationCode, Is.EqualTo("gutang"));
            Assert.That(@case.IncidentNumber, Is.EqualTo(referral.IncidentNumber));
            Assert.That(@case.OccurredAt, Is.EqualTo(referral.OccurredAt));
            Assert.That(@case.Address, Is.EqualTo(referral.Address));
            Assert.That(@case.AreaCode, Is.EqualTo("wuxing"));
            Assert.That(@case.DisputeTypeCode, Is.EqualTo("neighbour"));
            Assert.That(@case.Summary, Is.EqualTo(referral.Summary));
            Assert.That(@case.PoliceAction, Is.EqualTo(referral.PoliceAction));
            Assert.That(@case.OfficerName, Is.EqualTo("王警官"));
            Assert.That(@case.Parties, Is.EqualTo(referral.Parties).And.Not.SameAs(referral.Parties));
            Assert.That(@case.Risk, Is.EqualTo(referral.Risk));
            Assert.That(@case.ContentHash, Is.EqualTo("content-hash"));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Referred));
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Green));
            Assert.That(@case.ReferredAt, Is.EqualTo(now));
            Assert.That(@case.Version, Is.EqualTo(1));
            Assert.That(@case.TimelineCount, Is.EqualTo(1));
            Assert.That(@case.LastTimelineHash, Is.EqualTo(entry.Hash));

            Assert.That(entry.CaseId, Is.EqualTo(id));
            Assert.That(entry.Sequence, Is.EqualTo(1));
            Assert.That(entry.At, Is.EqualTo(now));
            Assert.That(entry.Action, Is.EqualTo(CaseAction.Refer));
            Assert.That(entry.FromStatus, Is.Null);
            Assert.That(entry.ToStatus, Is.EqualTo(CaseStatus.Referred));
            Assert.That(entry.ActorName, Is.EqualTo("station:gutang"));
            Assert.That(entry.ActorRole, Is.EqualTo(Roles.Station));
            Assert.That(entry.DetailValues(), Is.EqualTo(new Dictionary<string, string> { ["station"] = "gutang", ["incident"] = "GT-2025-0001" }));
            Assert.That(entry.PreviousHash, Is.Empty);
        }
    }

    [Test]
    public void Refer_grade_and_route_append_entries_one_to_three()
    {
        var referredAt = _clock.GetUtcNow();
        var @case = SampleCases.Referred(referredAt);
        var gradedAt = Tick();
        @case.Grade(_grading.Grade(new RiskAssessment { Violence = true, VulnerablePersons = true }, "neighbour", null), gradedAt);
        var routedAt = Tick();
        @case.Route(SampleCases.RoutedTo("judicial", "womens-federation"), routedAt);

        Assert.That(@case.NewEntries.Select(e => (e.Sequence, e.Action, e.FromStatus, e.ToStatus, e.Color, e.ActorName, e.ActorRole, e.At)),
            Is.EqualTo(new (int, CaseAction, CaseStatus?, CaseStatus, WarningColor, string, string, DateTimeOffset)[]
            {
                (1, CaseAction.Refer, null, CaseStatus.Referred, WarningColor.Green, "station:gutang", Roles.Station, referredAt),
                (2, CaseAction.Grade, CaseStatus.Referred, CaseStatus.Referred, WarningColor.Red, "rule:grading", Roles.System, gradedAt),
                (3, CaseAction.Route, CaseStatus.Referred, CaseStatus.Routed, WarningColor.Red, "rule:routing", Roles.System, routedAt),
            }));
    }

    [Test]
    public void Each_entry_follows_the_hash_of_the_one_before()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());

        @case.SealNewEntries(ChainKeys.Test);

        var entries = @case.NewEntries;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entries.Select(e => e.PreviousHash), Is.EqualTo(entries.Select(e => e.Hash).Prepend("").SkipLast(1)));
            Assert.That(entries.Select(e => e.Hash), Is.Unique);
            Assert.That(@case.LastTimelineHash, Is.EqualTo(entries[^1].Hash));
        }
    }

    [Test]
    public void Grade_sets_the_color_keeps_the_factors_and_explains_them()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());
        var grading = _grading.Grade(new RiskAssessment { ThreatsOrWeapons = true, AmountAtStakeYuan = 60_000m }, "labour", null);

        @case.Grade(grading, Tick());

        var entry = @case.NewEntries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Red));
            Assert.That(@case.GradingFactors.Select(f => f.Code), Is.EqualTo(new[] { "threats-or-weapons", "money-at-stake" }));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Referred));
            Assert.That(entry.Note, Is.EqualTo("有威胁或持械 (threats or weapons)；涉及金额超过50000元 (money at stake)"));
            Assert.That(entry.DetailValues(), Is.EqualTo(new Dictionary<string, string> { ["color"] = "red" }));
        }
    }

    [Test]
    public void Grade_without_factors_says_green_for_no_risk_factor()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());

        @case.Grade(_grading.Grade(new RiskAssessment(), "neighbour", null), Tick());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Green));
            Assert.That(@case.GradingFactors, Is.Empty);
            Assert.That(@case.NewEntries[^1].Note, Is.EqualTo("无风险因素，绿色 (no risk factor)"));
            Assert.That(@case.NewEntries[^1].DetailValues()["color"], Is.EqualTo("green"));
        }
    }

    [Test]
    public void Route_sends_the_case_to_the_lead_with_its_co_handlers_and_records_the_rule()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());
        var decision = SampleCases.RoutedTo("judicial", "womens-federation", "judicial");
        var routedAt = Tick();

        @case.Route(decision, routedAt);

        var entry = @case.NewEntries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Routed));
            Assert.That(@case.LeadDepartmentCode, Is.EqualTo("judicial"));
            Assert.That(@case.CoHandlerCodes, Is.EqualTo(new[] { "womens-federation" }));
            Assert.That(@case.RoutingRuleId, Is.EqualTo(5));
            Assert.That(@case.RoutingRuleVersion, Is.EqualTo(2));
            Assert.That(@case.RoutingExplanation, Is.EqualTo(decision.Explanation));
            Assert.That(@case.RoutedAt, Is.EqualTo(routedAt));
            Assert.That(@case.IsHandledBy("judicial"), Is.True);
            Assert.That(@case.IsHandledBy("womens-federation"), Is.True);
            Assert.That(@case.IsHandledBy("labour-inspection"), Is.False);
            Assert.That(@case.IsHandledBy(null), Is.False);

            Assert.That(entry.Action, Is.EqualTo(CaseAction.Route));
            Assert.That(entry.Note, Is.EqualTo(decision.Explanation));
            Assert.That(entry.DetailValues(), Is.EqualTo(new Dictionary<string, string>
            {
                ["rule"] = "5", ["ruleVersion"] = "2", ["lead"] = "judicial", ["coHandlers"] = "womens-federation",
            }));
        }
    }

    [Test]
    public void Route_without_co_handlers_leaves_them_out_of_the_details()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());

        @case.Route(SampleCases.RoutedTo("judicial"), Tick());

        Assert.That(@case.NewEntries[^1].DetailValues().Keys, Is.EquivalentTo(new[] { "rule", "ruleVersion", "lead" }));
    }

    [Test]
    public void Route_to_triage_leaves_the_case_without_a_lead_and_explains_why()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());
        var decision = SampleCases.Triage();

        @case.Route(decision, Tick());

        var entry = @case.NewEntries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Triage));
            Assert.That(@case.LeadDepartmentCode, Is.Null);
            Assert.That(@case.CoHandlerCodes, Is.Empty);
            Assert.That(@case.RoutingRuleId, Is.Null);
            Assert.That(@case.RoutedAt, Is.Null);
            Assert.That(@case.RoutingExplanation, Is.EqualTo(decision.Explanation));

            Assert.That(entry.Sequence, Is.EqualTo(2));
            Assert.That(entry.Action, Is.EqualTo(CaseAction.SendToTriage));
            Assert.That(entry.FromStatus, Is.EqualTo(CaseStatus.Referred));
            Assert.That(entry.ToStatus, Is.EqualTo(CaseStatus.Triage));
            Assert.That(entry.ActorName, Is.EqualTo("rule:routing"));
            Assert.That(entry.Note, Does.StartWith("没有启用的分流规则"));
            Assert.That(entry.DetailValues(), Is.Empty);
        }
    }

    [Test]
    public void Route_takes_the_resolved_area_when_the_referral_had_none()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow(), Referrals.Valid() with { AreaCode = null });

        @case.Route(SampleCases.RoutedTo("judicial"), Tick());

        Assert.That(@case.AreaCode, Is.EqualTo("wuxing"));
    }

    [Test]
    public void Route_keeps_the_area_the_station_gave()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow(), Referrals.Valid() with { AreaCode = "tangjia" });

        @case.Route(SampleCases.RoutedTo("judicial"), Tick());

        Assert.That(@case.AreaCode, Is.EqualTo("tangjia"));
    }

    // ---- recurrence

    [Test]
    public void Recurrence_is_recorded_on_the_new_case_and_on_the_earlier_one()
    {
        var earlier = SampleCases.Routed(_clock.GetUtcNow());
        earlier.ClearNewEntries();
        _clock.Advance(TimeSpan.FromDays(20));
        var later = SampleCases.Referred(_clock.GetUtcNow());
        var now = Tick();

        var match = new RecurrenceMatch(earlier.Id, earlier.IncidentNumber, FingerprintKind.Phone, "138****1234");

        later.LinkRecurrence(match, now);
        earlier.NoteRecurrence(later.Id, "GT-2025-0099", match, now);

        var onLater = later.NewEntries[^1];
        var onEarlier = earlier.NewEntries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(later.RecurrenceOfCaseId, Is.EqualTo(earlier.Id));
            Assert.That(earlier.RecurrenceOfCaseId, Is.Null, "the earlier case is not a recurrence itself");

            Assert.That(onLater.Sequence, Is.EqualTo(2));
            Assert.That(onLater.Action, Is.EqualTo(CaseAction.LinkRecurrence));
            Assert.That((onLater.FromStatus, onLater.ToStatus), Is.EqualTo(((CaseStatus?)CaseStatus.Referred, CaseStatus.Referred)));
            Assert.That(onLater.ActorName, Is.EqualTo("rule:recurrence"));
            Assert.That(onLater.Note, Is.EqualTo($"与案件 {earlier.IncidentNumber} 的当事人电话相同（138****1234）"));
            Assert.That(onLater.DetailValues(), Is.EqualTo(new Dictionary<string, string>
            {
                ["case"] = earlier.Id.ToString(), ["incident"] = earlier.IncidentNumber, ["matchedOn"] = "当事人电话",
            }));

            Assert.That(onEarlier.Sequence, Is.EqualTo(4));
            Assert.That(onEarlier.Action, Is.EqualTo(CaseAction.LinkRecurrence));
            Assert.That((onEarlier.FromStatus, onEarlier.ToStatus), Is.EqualTo(((CaseStatus?)CaseStatus.Routed, CaseStatus.Routed)));
            Assert.That(onEarlier.ActorName, Is.EqualTo("rule:recurrence"));
            Assert.That(onEarlier.Note, Is.EqualTo("新流转案件 GT-2025-0099 的当事人电话与本案相同（138****1234）"));
            Assert.That(onEarlier.DetailValues()["case"], Is.EqualTo(later.Id.ToString()));
            Assert.That(onEarlier.DetailValues()["incident"], Is.EqualTo("GT-2025-0099"));
            Assert.That(earlier.Version, Is.EqualTo(4));
        }
    }

    [Test]
    public void Recurrence_in_intake_order_gives_a_red_case_with_four_entries()
    {
        var earlierId = Guid.NewGuid();
        var @case = SampleCases.Referred(_clock.GetUtcNow());
        var now = Tick();

        var match = new RecurrenceMatch(earlierId, "GT-2025-0002", FingerprintKind.Dwelling, "古塘街道五星村****");
        @case.Grade(_grading.Grade(new RiskAssessment(), "neighbour", match.Factor()), now);
        @case.LinkRecurrence(match, now);
        @case.Route(SampleCases.RoutedTo("judicial"), now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Red));
            Assert.That(@case.NewEntries.Select(e => e.Action),
                Is.EqualTo(new[] { CaseAction.Refer, CaseAction.Grade, CaseAction.LinkRecurrence, CaseAction.Route }));
            Assert.That(@case.NewEntries.Select(e => e.Color),
                Is.EqualTo(new[] { WarningColor.Green, WarningColor.Red, WarningColor.Red, WarningColor.Red }));
        }
    }

    // ---- amendment

    [Test]
    public void Amend_updates_the_case_and_records_the_changed_fields()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());
        var amended = Referrals.Valid() with
        {
            Summary = "补充：双方已多次争吵。",
            Address = "古塘街道五星村14号",
            Risk = new RiskAssessment { PoliceCallsLast30Days = 2 },
        };
        var officer = new Actor("王警官", Roles.Dispatcher, StationCode: "gutang");
        var at = Tick();

        @case.Amend(amended, "hash-2", ["address", "summary", "risk"], officer, at);

        var entry = @case.NewEntries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Summary, Is.EqualTo("补充：双方已多次争吵。"));
            Assert.That(@case.Address, Is.EqualTo("古塘街道五星村14号"));
            Assert.That(@case.Risk.PoliceCallsLast30Days, Is.EqualTo(2));
            Assert.That(@case.ContentHash, Is.EqualTo("hash-2"));
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Routed), "an amendment does not move the case");
            Assert.That(@case.LeadDepartmentCode, Is.EqualTo("judicial"));
            Assert.That(@case.Version, Is.EqualTo(4));

            Assert.That(entry.Sequence, Is.EqualTo(4));
            Assert.That(entry.Action, Is.EqualTo(CaseAction.Amend));
            Assert.That((entry.FromStatus, entry.ToStatus), Is.EqualTo(((CaseStatus?)CaseStatus.Routed, CaseStatus.Routed)));
            Assert.That((entry.ActorName, entry.ActorRole), Is.EqualTo(("王警官", Roles.Dispatcher)));
            Assert.That(entry.At, Is.EqualTo(at));
            Assert.That(entry.Note, Is.EqualTo("派出所重新发送，更新了：address、summary、risk"));
            Assert.That(entry.DetailValues()["fields"], Is.EqualTo("address,summary,risk"));
        }
    }

    [Test]
    public void Amend_without_an_area_code_keeps_the_known_area()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());

        @case.Amend(Referrals.Valid() with { AreaCode = null }, "hash-2", ["areaCode"], SampleCases.Station, Tick());

        Assert.That(@case.AreaCode, Is.EqualTo("wuxing"));
    }

    [Test]
    public void Reroute_of_a_routed_case_sends_it_to_the_new_lead_restarts_the_accept_clock_and_says_why()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow(), "judicial", "womens-federation");
        var at = Tick();

        @case.Reroute(SampleCases.RoutedTo("labour-inspection"), at);

        var entry = @case.NewEntries[^1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Routed));
            Assert.That(@case.LeadDepartmentCode, Is.EqualTo("labour-inspection"));
            Assert.That(@case.CoHandlerCodes, Is.Empty);
            Assert.That(@case.RoutedAt, Is.EqualTo(at));
            Assert.That(entry.Action, Is.EqualTo(CaseAction.Route));
            Assert.That((entry.FromStatus, entry.ToStatus), Is.EqualTo(((CaseStatus?)CaseStatus.Routed, CaseStatus.Routed)));
            Assert.That(entry.Note, Does.StartWith("派出所补充更正后，按更正后的内容重新分流：规则 #5"));
            Assert.That(entry.DetailValues()["lead"], Is.EqualTo("labour-inspection"));
        }
    }

    [Test]
    public void Reroute_to_triage_takes_the_case_from_its_department()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow(), "judicial", "womens-federation");

        @case.Reroute(SampleCases.Triage(), Tick());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Status, Is.EqualTo(CaseStatus.Triage));
            Assert.That(@case.LeadDepartmentCode, Is.Null);
            Assert.That(@case.CoHandlerCodes, Is.Empty);
            Assert.That(@case.RoutedAt, Is.Null);
            Assert.That(@case.NewEntries[^1].Action, Is.EqualTo(CaseAction.SendToTriage));
            Assert.That(@case.NewEntries[^1].Note, Does.StartWith("派出所补充更正后，按更正后的内容重新分流："));
        }
    }

    [Test]
    public void Reroute_from_triage_routes_the_case()
    {
        var @case = SampleCases.InTriage(_clock.GetUtcNow());

        @case.Reroute(SampleCases.RoutedTo("judicial"), Tick());

        Assert.That((@case.Status, @case.LeadDepartmentCode), Is.EqualTo((CaseStatus.Routed, "judicial")));
    }

    [Test]
    public void An_accepted_case_is_never_routed_again()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());
        @case.Accept(new Actor("司法所小李", Roles.Handler, DepartmentCode: "judicial"), null, Tick());
        var version = @case.Version;

        Assert.Throws<InvalidOperationException>(() => @case.Reroute(SampleCases.RoutedTo("labour-inspection"), Tick()));
        Assert.That((@case.AwaitsAcceptance, @case.LeadDepartmentCode, @case.Version), Is.EqualTo((false, "judicial", version)));
    }

    // ---- versions and new entries

    [Test]
    public void Version_increases_by_one_with_every_entry()
    {
        var @case = SampleCases.Referred(_clock.GetUtcNow());
        var versions = new List<int> { @case.Version };

        @case.Grade(_grading.Grade(new RiskAssessment(), "neighbour", null), Tick());
        versions.Add(@case.Version);
        @case.Route(SampleCases.RoutedTo("judicial"), Tick());
        versions.Add(@case.Version);
        @case.Amend(Referrals.Valid(), "hash-2", ["summary"], SampleCases.Station, Tick());
        versions.Add(@case.Version);

        Assert.That(versions, Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Entries_appended_after_saving_continue_the_sequence_and_the_chain()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());
        @case.SealNewEntries(ChainKeys.Test);
        var lastSaved = @case.LastTimelineHash;

        @case.ClearNewEntries();
        @case.Amend(Referrals.Valid(), "hash-2", ["summary"], SampleCases.Station, Tick());
        @case.SealNewEntries(ChainKeys.Test);

        var entry = @case.NewEntries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Sequence, Is.EqualTo(4));
            Assert.That(lastSaved, Is.Not.Empty);
            Assert.That(entry.PreviousHash, Is.EqualTo(lastSaved));
            Assert.That(@case.TimelineCount, Is.EqualTo(4));
        }
    }
}
