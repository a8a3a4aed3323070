using Referral.Core.Cases;
using Referral.Core.Tests.Support;
using static Referral.Core.Cases.CaseAction;

namespace Referral.Core.Tests;

public sealed class CaseRulesTests
{
    private static readonly DateTimeOffset Now = Referrals.Now;

    private static readonly Actor Coordinator = new("陈主任", Roles.Coordinator, DepartmentCode: "center");
    private static readonly Actor LeadHandler = new("司法所小李", Roles.Handler, DepartmentCode: "judicial");
    private static readonly Actor CoHandler = new("妇联小王", Roles.Handler, DepartmentCode: "womens-federation");
    private static readonly Actor OtherHandler = new("劳动监察小赵", Roles.Handler, DepartmentCode: "labour-inspection");
    private static readonly Actor HandlerWithoutDepartment = new("未分配", Roles.Handler);
    private static readonly Actor Dispatcher = new("王警官", Roles.Dispatcher, StationCode: "gutang");
    private static readonly Actor Supervisor = new("所长", Roles.Supervisor);
    private static readonly Actor Admin = new("管理员", Roles.Admin);

    private static readonly CaseAction[] PeopleActions =
        [Assign, Accept, Reject, RecordProgress, RequestCoHandling, Transfer, ChangeColor, Hold, Resume, Close, Reopen, RecordFollowUp, FlagTurnedCriminal,
         ConfirmLink, DismissLink];

    private static readonly CaseAction[] SystemActions =
        [Refer, Route, SendToTriage, Grade, LinkRecurrence, Amend, Escalate, CaseAction.Warn, SuggestLink];

    // ---- by status

    private static IEnumerable<TestCaseData> AllowedByStatus()
    {
        TestCaseData Row(CaseStatus status, params CaseAction[] actions) => new(status, actions);

        yield return Row(CaseStatus.Referred);
        yield return Row(CaseStatus.Triage, Assign, ChangeColor, Close, FlagTurnedCriminal, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.Routed, Accept, Reject, Transfer, ChangeColor, RequestCoHandling, FlagTurnedCriminal, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.Accepted,
            RecordProgress, RequestCoHandling, Transfer, ChangeColor, Hold, Close, FlagTurnedCriminal, Reject, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.InProgress,
            RecordProgress, RequestCoHandling, Transfer, ChangeColor, Hold, Close, FlagTurnedCriminal, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.OnHold, Resume, RecordProgress, Transfer, ChangeColor, Close, FlagTurnedCriminal, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.Closed, RecordFollowUp, Reopen, FlagTurnedCriminal, ConfirmLink, DismissLink);
        yield return Row(CaseStatus.FollowedUp, Reopen, FlagTurnedCriminal, ConfirmLink, DismissLink);
    }

    [TestCaseSource(nameof(AllowedByStatus))]
    public void Each_status_allows_exactly_its_actions(CaseStatus status, CaseAction[] expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CaseRules.AllowedIn(status), Is.EquivalentTo(expected));
            Assert.That(Enum.GetValues<CaseAction>().Where(a => CaseRules.IsAllowedIn(a, status)), Is.EquivalentTo(expected));
        }
    }

    [Test]
    public void The_table_covers_every_status() =>
        Assert.That(AllowedByStatus().Select(row => (CaseStatus)row.Arguments[0]!), Is.EquivalentTo(Enum.GetValues<CaseStatus>()));

    [Test]
    public void System_actions_are_never_offered_to_people() =>
        Assert.That(Enum.GetValues<CaseStatus>().SelectMany(CaseRules.AllowedIn).Intersect(SystemActions), Is.Empty);

    [Test]
    public void Status_table_lists_each_action_once() =>
        Assert.That(Enum.GetValues<CaseStatus>().Select(s => CaseRules.AllowedIn(s)), Has.All.Unique);

    // ---- by role: which action each person may take on a case within their scope

    private static IEnumerable<TestCaseData> AllowedByRole()
    {
        TestCaseData Row(string who, Actor actor, params CaseAction[] actions) => new TestCaseData(actor, actions).SetArgDisplayNames(who);

        yield return Row("coordinator", Coordinator,
            Assign, RecordProgress, RequestCoHandling, Transfer, ChangeColor, Hold, Resume, Close, Reopen, RecordFollowUp, FlagTurnedCriminal,
            ConfirmLink, DismissLink);
        yield return Row("handler of the lead department", LeadHandler,
            Accept, Reject, RecordProgress, RequestCoHandling, Hold, Resume, Close, Reopen, RecordFollowUp);
        yield return Row("handler of a co-handling department", CoHandler, RecordProgress);
        yield return Row("handler of another department", OtherHandler);
        yield return Row("handler without a department", HandlerWithoutDepartment);
        yield return Row("dispatcher", Dispatcher);
        yield return Row("supervisor", Supervisor);
        yield return Row("admin", Admin);
        yield return Row("system", Actor.Rule("routing"));
    }

    [TestCaseSource(nameof(AllowedByRole))]
    public void Each_role_may_take_exactly_its_actions(Actor actor, CaseAction[] expected)
    {
        var @case = SampleCases.Routed(Now, "judicial", "womens-federation");

        Assert.That(Enum.GetValues<CaseAction>().Where(a => CaseRules.MayAct(a, @case, actor)), Is.EquivalentTo(expected));
    }

    // ---- status and role together

    [Test]
    public void On_a_routed_case_the_lead_may_accept_reject_or_ask_for_co_handling()
    {
        var @case = SampleCases.Routed(Now, "judicial", "womens-federation");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CaseRules.AllowedFor(@case, LeadHandler), Is.EquivalentTo(new[] { Accept, Reject, RequestCoHandling }));
            Assert.That(CaseRules.AllowedFor(@case, Coordinator), Is.EquivalentTo(new[] { Transfer, ChangeColor, RequestCoHandling, FlagTurnedCriminal }));
            Assert.That(CaseRules.AllowedFor(@case, CoHandler), Is.Empty);
            Assert.That(CaseRules.AllowedFor(@case, OtherHandler), Is.Empty);
            Assert.That(CaseRules.AllowedFor(@case, Dispatcher), Is.Empty);
            Assert.That(CaseRules.AllowedFor(@case, Supervisor), Is.Empty);
        }
    }

    [Test]
    public void On_a_case_in_triage_only_the_coordinator_may_act()
    {
        var @case = SampleCases.InTriage(Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CaseRules.AllowedFor(@case, Coordinator), Is.EquivalentTo(new[] { Assign, ChangeColor, Close, FlagTurnedCriminal }));
            Assert.That(CaseRules.AllowedFor(@case, LeadHandler), Is.Empty);
            Assert.That(CaseRules.AllowedFor(@case, HandlerWithoutDepartment), Is.Empty);
            Assert.That(CaseRules.AllowedFor(@case, Supervisor), Is.Empty);
        }
    }

    [Test]
    public void Deciding_a_possible_link_is_offered_to_the_coordinator_only_while_one_is_open()
    {
        var withLink = SampleCases.InTriage(Now);
        withLink.SuggestLinks([new Referral.Core.Recurrence.PossibleLinkMatch(Guid.NewGuid(), "GT-2025-0002", "古塘街道步行****", Now.AddDays(-3))], Now);
        var without = SampleCases.InTriage(Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(CaseRules.AllowedFor(withLink, Coordinator), Is.EquivalentTo(new[] { Assign, ChangeColor, Close, FlagTurnedCriminal, ConfirmLink, DismissLink }));
            Assert.That(CaseRules.AllowedFor(without, Coordinator), Is.EquivalentTo(new[] { Assign, ChangeColor, Close, FlagTurnedCriminal }));
            Assert.That(CaseRules.AllowedFor(withLink, Supervisor), Is.Empty);
            Assert.That(CaseRules.AllowedFor(withLink, LeadHandler), Is.Empty);
        }
    }

    [Test]
    public void A_handler_without_a_department_is_never_the_lead_of_a_case_without_one()
    {
        var @case = SampleCases.InTriage(Now);

        Assert.That(PeopleActions.Where(a => CaseRules.MayAct(a, @case, HandlerWithoutDepartment)), Is.Empty);
    }

    [Test]
    public void On_a_referred_case_nobody_may_act()
    {
        var @case = SampleCases.Referred(Now);

        Assert.That(new[] { Coordinator, LeadHandler, Dispatcher, Supervisor }.SelectMany(a => CaseRules.AllowedFor(@case, a)), Is.Empty);
    }

    [Test]
    public void The_refusal_names_the_action_the_status_and_what_is_allowed_now()
    {
        var refusal = new CaseActionNotAllowedException(Close, CaseStatus.Routed, CaseRules.AllowedIn(CaseStatus.Routed));

        Assert.That(refusal.Message, Is.EqualTo(
            "'close' is not allowed while the case is Routed; allowed now: accept, reject, transfer, change-color, request-co-handling, flag-turned-criminal, " +
            "confirm-link, dismiss-link"));
    }

    [Test]
    public void The_refusal_says_none_when_nothing_is_allowed() =>
        Assert.That(new CaseActionNotAllowedException(Accept, CaseStatus.Referred, []).Message, Does.EndWith("allowed now: none"));
}
