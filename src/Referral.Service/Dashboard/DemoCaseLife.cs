using System.Globalization;
using Referral.Core.Calendar;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Service.Calendar;
using Referral.Service.Demo;
using Referral.Service.Reference;

namespace Referral.Service.Dashboard;

/// <summary>
/// The life of one demo case, from the referral up to now: most are accepted within their window and
/// closed with an agreement, a few are late, rejected, come back at the follow-up visit or recur; the
/// daily feedback is kept on about nine working days in ten. Nothing is done after <c>now</c>.
/// </summary>
internal sealed class DemoCaseLife(CalendarProvider calendars, GradingPolicy grading, ReferenceDataCache reference, DateTimeOffset now)
{
    private const string FallbackLead = "sfs";
    private static readonly Actor Coordinator = new("coordinator", Roles.Coordinator, DemoData.CenterCode);
    private readonly Dictionary<Guid, DateTimeOffset> _lastActivity = [];
    private Random _random = new(0);
    private DemoPeople _people = new(new Random(0));
    private int _sequence;

    private WorkingCalendar Calendar => calendars.Current;

    /// <param name="chance">
    /// The case's own dice: one draw more or less (a step that falls after now on a later run) changes
    /// this case only, so the history stays the same from one run to the next but for its open cases.
    /// </param>
    public Case Live(Random chance, IReadOnlyList<Case> earlier, DateTimeOffset referredAt, bool turnedCriminal)
    {
        _random = chance;
        _people = new DemoPeople(chance);
        var story = DemoStories.Pick(_random);
        var area = _random.OneOf(reference.Areas);
        var recurrence = _random.NextDouble() < 0.08 ? Earlier(earlier, area.Code, referredAt) : null;
        var referral = Referral(story, area, referredAt, recurrence, turnedCriminal);
        var @case = Case.Refer(NewId(), referral, DemoHistory.ContentHash(referral), Actor.StationSystem(referral.StationCode), referredAt);
        var match = recurrence is null
            ? null
            : new RecurrenceMatch(recurrence.Id, recurrence.IncidentNumber, FingerprintKind.Phone, PersonalData.MaskPhone(referral.Parties[0].Phone));
        @case.Grade(grading.Grade(referral.Risk, referral.DisputeTypeCode, match?.Factor()), referredAt);
        if (match is not null)
        {
            @case.LinkRecurrence(match, referredAt);
            recurrence!.NoteRecurrence(@case.Id, @case.IncidentNumber, match, referredAt);
            _lastActivity[recurrence.Id] = referredAt;
        }
        @case.Route(Router.Route(new RoutingFacts(referral.DisputeTypeCode, referral.AreaCode, referral.Address, referral.Summary),
            reference.RoutingRules, reference.Areas), referredAt);
        _lastActivity[@case.Id] = Handle(@case, referredAt, turnedCriminal);
        return @case;
    }

    /// <summary>Routing, acceptance, daily work, closing and the visit; answers the time of the last step taken.</summary>
    private DateTimeOffset Handle(Case c, DateTimeOffset t, bool turnedCriminal)
    {
        if (c.Status == CaseStatus.Triage)
        {
            t = Later(t, 0.5, 3);
            if (t > now) return c.ReferredAt;
            c.Assign(Coordinator, FallbackLead, [], "无分流规则命中，矛调中心分派至司法所", t);
        }
        var accepted = Accept(c, t);
        if (accepted is not { } acceptedAt) return c.RoutedAt ?? t;
        if (turnedCriminal) return TurnCriminal(c, acceptedAt);
        var closeAt = Calendar.AddWorkingTime(acceptedAt, Calendar.WorkingDayLength * ResolveDays(c.Color) * Factor(0.2, 1.0, 0.1, 1.8));
        var last = Work(c, acceptedAt, closeAt);
        if (closeAt > now) return last;
        Close(c, closeAt);
        return FollowUp(c, closeAt);
    }

    /// <summary>Accepted within the window mostly, late one time in eight; one in twenty-five first rejected and re-assigned.</summary>
    private DateTimeOffset? Accept(Case c, DateTimeOffset routedAt)
    {
        var window = AcceptWindow(c.Color);
        c.AcceptDueAt = Calendar.AddWorkingTime(routedAt, window);
        var at = Calendar.AddWorkingTime(routedAt, window * Factor(0.1, 0.9, 0.12, 2.5));
        if (at > now) return null;
        if (_random.NextDouble() < 0.04 && c.LeadDepartmentCode != FallbackLead)
        {
            c.Reject(Handler(c), "经核实不属于本部门职责，退回矛调中心重新分派", at);
            var again = Later(at, 0.5, 2);
            if (again > now) return null;
            c.Assign(Coordinator, FallbackLead, [], "改由司法所主办", again);
            c.AcceptDueAt = Calendar.AddWorkingTime(again, window);
            at = Calendar.AddWorkingTime(again, window * Factor(0.1, 0.9, 0, 1));
            if (at > now) return null;
        }
        c.Accept(Handler(c), "已签收，将联系双方当事人", at);
        c.ResolveDueAt = Calendar.AddWorkingDays(at, ResolveDays(c.Color));
        return at;
    }

    /// <summary>A progress entry on about nine working days in ten after <paramref name="from"/>'s day, before <paramref name="until"/>.</summary>
    private DateTimeOffset Work(Case c, DateTimeOffset from, DateTimeOffset until)
    {
        var last = from;
        for (var day = Calendar.DateOf(from).AddDays(1); day <= Calendar.DateOf(until); day = day.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(day) || _random.NextDouble() >= 0.9) continue;
            var at = Calendar.StartOfWorkingDay(day).AddMinutes(_random.Next(10, 480));
            if (at >= until || at > now) break;
            c.RecordProgress(Handler(c), (ProgressKind)_random.Next(4), _random.OneOf(DemoStories.Progress), null, at);
            last = at;
        }
        return last;
    }

    private void Close(Case c, DateTimeOffset at)
    {
        var roll = _random.NextDouble();
        var (outcome, summary) = roll switch
        {
            < 0.72 => (CaseOutcome.AgreementReached, "双方达成调解协议，当场履行完毕。"),
            < 0.85 => (CaseOutcome.ResolvedOtherwise, "经释法说理，双方矛盾化解，不再追究。"),
            < 0.94 => (CaseOutcome.NotResolvable, "双方分歧较大，已引导通过诉讼途径解决。"),
            _ => (CaseOutcome.Withdrawn, "当事人撤回调解申请。"),
        };
        c.Close(Handler(c), outcome, summary, calendars, at);
    }

    /// <summary>The visit a week after closing: calm almost always; otherwise the case reopens and is settled again.</summary>
    private DateTimeOffset FollowUp(Case c, DateTimeOffset closedAt)
    {
        var at = Calendar.NextWorkingMoment(closedAt.AddDays(7)).AddMinutes(_random.Next(30, 300));
        if (at > now) return closedAt;
        if (_random.NextDouble() < 0.96)
        {
            c.RecordFollowUp(Handler(c), true, _random.NextDouble() < 0.8 ? Satisfaction.Satisfied : Satisfaction.BasicallySatisfied,
                "回访：双方关系缓和，未再发生纠纷。", at);
            return at;
        }
        c.RecordFollowUp(Handler(c), false, Satisfaction.Dissatisfied, null, at);
        c.ResolveDueAt = Calendar.AddWorkingDays(at, ResolveDays(c.Color));
        var closeAt = Later(at, 7.5 * 2, 7.5 * 5);
        var last = Work(c, at, closeAt);
        if (closeAt > now) return last;
        c.Close(Handler(c), CaseOutcome.AgreementReached, "再次组织调解，双方签订补充协议。", calendars, closeAt);
        return closeAt;
    }

    /// <summary>The one case of the demo that turned criminal (a year and a half ago): flagged, then closed as not resolvable here.</summary>
    private DateTimeOffset TurnCriminal(Case c, DateTimeOffset acceptedAt)
    {
        var flaggedAt = Later(acceptedAt, 2, 6);
        c.FlagTurnedCriminal(Coordinator, "当事人再次发生冲突致对方轻伤，已移交刑侦部门立案。", flaggedAt);
        var closedAt = Later(flaggedAt, 1, 3);
        c.Close(Handler(c), CaseOutcome.NotResolvable, "已转为刑事案件处理，调解终止。", calendars, closedAt);
        return closedAt;
    }

    private ValidReferral Referral(DemoStories.Story story, Area area, DateTimeOffset referredAt, Case? recurrence, bool violent)
    {
        var today = Calendar.DateOf(referredAt);
        var address = _people.Address(area.Name);
        return new ValidReferral
        {
            IncidentNumber = $"GT{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}{++_sequence:D4}",
            StationCode = DemoData.StationCode,
            OccurredAt = TimelineEntry.ToStoredPrecision(referredAt.AddMinutes(-_random.Next(30, 300))),
            Address = address,
            AreaCode = area.Code,
            DisputeTypeCode = story.TypeCode,
            Summary = _random.OneOf(story.Summaries),
            PoliceAction = _random.OneOf(DemoStories.PoliceActions),
            OfficerName = _random.OneOf(["潘警官", "胡警官", "岑警官", "施警官"]),
            Parties =
            [
                _people.Party("报警人", address, today, recurrence?.Parties.FirstOrDefault()?.Phone),
                _people.Party("对方当事人", _people.Address(area.Name), today),
            ],
            Risk = Risk(story, violent),
        };
    }

    private RiskAssessment Risk(DemoStories.Story story, bool violent)
    {
        var calls = _random.NextDouble() switch { < 0.8 => 1, < 0.94 => 2, _ => 3 + _random.Next(3) };
        var relationship = story.TypeCode is "marriage-family" or "romance";
        return new RiskAssessment
        {
            PoliceCallsLast30Days = calls,
            ThreatsOrWeapons = _random.NextDouble() < 0.03,
            Violence = violent || _random.NextDouble() < 0.04,
            SelfHarmRisk = _random.NextDouble() < 0.01,
            VulnerablePersons = _random.NextDouble() < 0.15,
            PartiesCount = _random.NextDouble() < 0.03 ? 5 + _random.Next(4) : 2,
            AmountAtStakeYuan = !story.InvolvesMoney ? 0 : _random.NextDouble() < 0.12 ? _random.Next(50_001, 300_000) : _random.Next(500, 50_000),
            LeftHome = relationship && _random.NextDouble() < 0.2,
        };
    }

    /// <summary>A closed case of the same village within 180 days, quiet since before this referral: its caller calls again.</summary>
    private Case? Earlier(IReadOnlyList<Case> earlier, string areaCode, DateTimeOffset referredAt) =>
        earlier.LastOrDefault(e => e.AreaCode == areaCode && e.RecurrenceOfCaseId is null && !e.Status.IsOpen()
                                   && e.ReferredAt > referredAt.AddDays(-180) && _lastActivity[e.Id] < referredAt);

    private Guid NewId()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static Actor Handler(Case c) => new($"handler-{c.LeadDepartmentCode}", Roles.Handler, c.LeadDepartmentCode);

    private DateTimeOffset Later(DateTimeOffset t, double minHours, double maxHours) =>
        Calendar.AddWorkingTime(t, TimeSpan.FromHours(minHours + _random.NextDouble() * (maxHours - minHours)));

    /// <summary>A share of the deadline: mostly between <paramref name="low"/> and <paramref name="high"/>, late with the given chance.</summary>
    private double Factor(double low, double high, double lateChance, double lateMax) =>
        _random.NextDouble() < lateChance ? 1.05 + _random.NextDouble() * (lateMax - 1.05) : low + _random.NextDouble() * (high - low);

    private static TimeSpan AcceptWindow(WarningColor color) => TimeSpan.FromHours(color switch
    {
        WarningColor.Red => 2,
        WarningColor.Yellow => 12,
        _ => 24,
    });

    private static int ResolveDays(WarningColor color) => color switch
    {
        WarningColor.Red => 3,
        WarningColor.Yellow => 7,
        _ => 15,
    };
}
