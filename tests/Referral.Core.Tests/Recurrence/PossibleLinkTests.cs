using Referral.Core.Cases;
using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Recurrence;
using Referral.Core.Tests.Support;

namespace Referral.Core.Tests.Recurrence;

/// <summary>可能关联 on the case: suggested without a color change, confirmed as a recurrence, or dismissed with a reason.</summary>
public sealed class PossibleLinkTests
{
    private static readonly DateTimeOffset Now = Referrals.Now;
    private static readonly Actor Coordinator = new("陈主任", Roles.Coordinator, DepartmentCode: "center");
    private static readonly DeadlinePolicy Deadlines = new(TestCalendars.Autumn2026, new DeadlineOptions());
    private static readonly PossibleLinkMatch Street = new(Guid.NewGuid(), "GT-2025-0002", "古塘街道步行****", Now.AddDays(-20));
    private static readonly PossibleLinkMatch Estate = new(Guid.NewGuid(), "GT-2025-0003", "古塘街道明月****", Now.AddDays(-40));

    [Test]
    public void Suggested_links_are_recorded_and_leave_the_color_alone()
    {
        var @case = SampleCases.Routed(Now);

        @case.SuggestLinks([Street, Estate], Now);

        var entries = @case.NewEntries.TakeLast(2).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Green));
            Assert.That(@case.RecurrenceOfCaseId, Is.Null);
            Assert.That(@case.PossibleLinks.Select(l => (l.EarlierIncidentNumber, l.State)),
                Is.EqualTo(new[] { ("GT-2025-0002", PossibleLinkState.Open), ("GT-2025-0003", PossibleLinkState.Open) }));
            Assert.That(entries.Select(e => (e.Action, e.ActorName)), Has.All.EqualTo((CaseAction.SuggestLink, "rule:recurrence")));
            Assert.That(entries[0].Note, Does.StartWith("可能关联：与案件 GT-2025-0002 的地址相同（古塘街道步行****）"));
            Assert.That(entries[0].DetailValues()["case"], Is.EqualTo(Street.EarlierCaseId.ToString()));
        }
    }

    [Test]
    public void Confirming_a_link_makes_the_case_a_red_recurrence_and_tells_the_earlier_case()
    {
        var @case = SampleCases.Routed(Now);
        @case.SuggestLinks([Street, Estate], Now);
        var at = Now.AddMinutes(5);

        @case.ConfirmLink(Coordinator, Street.EarlierCaseId, "同一摊位的同一纠纷", Deadlines, at);

        var entry = @case.NewEntries[^1];
        var notice = @case.NewRecurrenceNotices.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(@case.Color, Is.EqualTo(WarningColor.Red));
            Assert.That(@case.RecurrenceOfCaseId, Is.EqualTo(Street.EarlierCaseId));
            Assert.That(@case.GradingFactors.Single(f => f.Code == "recurrence").Description,
                Does.Contain("经矛调中心确认").And.Contain("GT-2025-0002").And.Contain("古塘街道步行****"));
            Assert.That(@case.PossibleLinks.Select(l => l.State), Is.EqualTo(new[] { PossibleLinkState.Confirmed, PossibleLinkState.Open }));
            Assert.That((@case.PossibleLinks[0].DecidedBy, @case.PossibleLinks[0].DecidedAt, @case.PossibleLinks[0].Reason),
                Is.EqualTo(("陈主任", (DateTimeOffset?)at, "同一摊位的同一纠纷")));
            Assert.That((entry.Action, entry.ActorName), Is.EqualTo((CaseAction.ConfirmLink, "陈主任")));
            Assert.That(entry.Note, Does.EndWith("：同一摊位的同一纠纷"));
            Assert.That((entry.DetailValues()["from"], entry.DetailValues()["to"]), Is.EqualTo(("green", "red")));
            Assert.That((notice.EarlierCaseId, notice.LaterCaseId, notice.By), Is.EqualTo((Street.EarlierCaseId, @case.Id, Coordinator)));
        }
    }

    [Test]
    public void The_earlier_case_notes_a_confirmed_link_in_the_coordinator_s_name()
    {
        var earlier = SampleCases.Routed(Now.AddDays(-20));
        var later = SampleCases.Routed(Now);
        later.SuggestLinks([Street with { EarlierCaseId = earlier.Id, EarlierIncidentNumber = earlier.IncidentNumber }], Now);
        later.ConfirmLink(Coordinator, earlier.Id, null, Deadlines, Now);
        var notice = later.NewRecurrenceNotices.Single();

        earlier.NoteRecurrence(notice.LaterCaseId, notice.LaterIncidentNumber, notice.Match, Now, notice.By);

        var entry = earlier.NewEntries[^1];
        Assert.That((entry.Action, entry.ActorName), Is.EqualTo((CaseAction.LinkRecurrence, "陈主任")));
        Assert.That(entry.Note, Does.StartWith($"经矛调中心确认，新流转案件 {later.IncidentNumber} 与本案为同一纠纷"));
    }

    [Test]
    public void Dismissing_a_link_needs_a_reason_and_changes_nothing_else()
    {
        var @case = SampleCases.Routed(Now);
        @case.SuggestLinks([Street], Now);

        var missing = Assert.Throws<CaseInputException>(() => @case.DismissLink(Coordinator, Street.EarlierCaseId, " ", Now))!;
        @case.DismissLink(Coordinator, Street.EarlierCaseId, "当事人不同，系另一摊位的纠纷", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.Field, Is.EqualTo("reason"));
            Assert.That((@case.Color, @case.RecurrenceOfCaseId), Is.EqualTo((WarningColor.Green, (Guid?)null)));
            Assert.That((@case.PossibleLinks[0].State, @case.PossibleLinks[0].Reason), Is.EqualTo((PossibleLinkState.Dismissed, "当事人不同，系另一摊位的纠纷")));
            Assert.That(@case.NewEntries[^1].Note, Is.EqualTo("排除与案件 GT-2025-0002 的可能关联：当事人不同，系另一摊位的纠纷"));
            Assert.That(@case.NewRecurrenceNotices, Is.Empty);
            Assert.That(@case.HasOpenPossibleLinks, Is.False);
        }
    }

    [Test]
    public void A_decided_or_unknown_link_cannot_be_decided_and_nothing_changes()
    {
        var @case = SampleCases.Routed(Now);
        @case.SuggestLinks([Street], Now);
        @case.DismissLink(Coordinator, Street.EarlierCaseId, "另一纠纷", Now);
        var version = @case.Version;

        var again = Assert.Throws<CaseInputException>(() => @case.ConfirmLink(Coordinator, Street.EarlierCaseId, null, Deadlines, Now))!;
        var unknown = Assert.Throws<CaseInputException>(() => @case.DismissLink(Coordinator, Guid.NewGuid(), "另一纠纷", Now))!;

        Assert.That((again.Field, unknown.Field), Is.EqualTo(("earlierCase", "earlierCase")));
        Assert.That((@case.Version, @case.Color), Is.EqualTo((version, WarningColor.Green)));
    }

    [Test]
    public void Only_the_coordinator_decides_a_link()
    {
        var @case = SampleCases.Routed(Now, "judicial");
        @case.SuggestLinks([Street], Now);
        var lead = new Actor("司法所小李", Roles.Handler, DepartmentCode: "judicial");

        Assert.Throws<CaseActionForbiddenException>(() => @case.ConfirmLink(lead, Street.EarlierCaseId, null, Deadlines, Now));
        Assert.Throws<CaseActionForbiddenException>(() => @case.DismissLink(new Actor("所长", Roles.Supervisor), Street.EarlierCaseId, "另一纠纷", Now));
        Assert.That(@case.PossibleLinks[0].IsOpen, Is.True);
    }

    [Test]
    public void A_link_to_the_case_itself_or_one_already_suggested_is_not_suggested_again()
    {
        var @case = SampleCases.Routed(Now);

        @case.SuggestLinks([Street, Street, Street with { EarlierCaseId = @case.Id }], Now);

        Assert.That(@case.PossibleLinks, Has.Count.EqualTo(1));
    }
}
