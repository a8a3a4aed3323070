using Referral.Core.Cases.Chain;
using Referral.Core.Cases.Events;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Recurrence;
using Referral.Core.Routing;

namespace Referral.Core.Cases;

/// <summary>
/// A referred dispute and everything done about it. Methods enforce the transitions: a forbidden
/// action throws before anything changes; an allowed one changes the case and records what
/// happened as a typed <see cref="CaseEvent"/> on a new timeline entry (see <see cref="NewEntries"/>),
/// which the save hook seals, stores and publishes.
/// </summary>
public sealed partial class Case
{
    private readonly List<TimelineEntry> _newEntries = [];

    public Guid Id { get; private set; }
    public string StationCode { get; private set; } = "";
    public string IncidentNumber { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public string Address { get; private set; } = "";
    public string? AreaCode { get; private set; }
    public string DisputeTypeCode { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string PoliceAction { get; private set; } = "";
    public string? OfficerName { get; private set; }
    public List<Party> Parties { get; private set; } = [];
    public RiskAssessment Risk { get; private set; } = new();

    /// <summary>A hash of the referral as received, to tell a re-send from an amendment.</summary>
    public string ContentHash { get; private set; } = "";

    public WarningColor Color { get; private set; }
    public List<GradingFactor> GradingFactors { get; private set; } = [];
    public CaseStatus Status { get; private set; }
    public string? LeadDepartmentCode { get; private set; }
    public List<string> CoHandlerCodes { get; private set; } = [];
    public long? RoutingRuleId { get; private set; }
    public int? RoutingRuleVersion { get; private set; }
    public string RoutingExplanation { get; private set; } = "";

    public DateTimeOffset ReferredAt { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? LastProgressAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? FollowedUpAt { get; private set; }

    /// <summary>Deadlines, computed on working time from the color (see <c>DeadlinePolicy</c>).</summary>
    public DateTimeOffset? AcceptDueAt { get; set; }
    public DateTimeOffset? ResolveDueAt { get; set; }
    public DateTimeOffset? FeedbackDueAt { get; set; }
    public DateTimeOffset? FollowUpDueAt { get; set; }

    public DateTimeOffset? OnHoldSince { get; private set; }
    public string? OnHoldReason { get; private set; }

    /// <summary>Working time the case spent on hold, added to its resolve deadline.</summary>
    public TimeSpan HeldFor { get; private set; }

    public CaseOutcome? Outcome { get; private set; }
    public string? AgreementSummary { get; private set; }
    public bool? FollowUpCalm { get; private set; }
    public Satisfaction? FollowUpSatisfaction { get; private set; }

    public int RejectCount { get; private set; }
    public int ReopenCount { get; private set; }
    public int EscalationCount { get; private set; }
    public DateTimeOffset? EscalatedToSupervisorAt { get; set; }
    public Guid? RecurrenceOfCaseId { get; private set; }

    /// <summary>可能关联 found at intake, open until the coordinator confirms or dismisses them.</summary>
    public List<PossibleLink> PossibleLinks { get; private set; } = [];
    public bool TurnedCriminal { get; private set; }

    public int TimelineCount { get; private set; }
    public string LastTimelineHash { get; private set; } = "";

    /// <summary>Optimistic concurrency: bumped on every change; a stale write is refused.</summary>
    public int Version { get; private set; }

    /// <summary>Entries appended since the case was loaded; the save hook seals, inserts and publishes them.</summary>
    public IReadOnlyList<TimelineEntry> NewEntries => _newEntries;

    private Case()
    {
    }

    public bool IsHandledBy(string? departmentCode) =>
        departmentCode is not null && (LeadDepartmentCode == departmentCode || CoHandlerCodes.Contains(departmentCode));

    /// <summary>流转: a new case from a valid referral, graded and routed in one go by the intake.</summary>
    public static Case Refer(Guid id, ValidReferral referral, string contentHash, Actor by, DateTimeOffset now)
    {
        var @case = new Case
        {
            Id = id,
            StationCode = referral.StationCode,
            IncidentNumber = referral.IncidentNumber,
            OccurredAt = referral.OccurredAt,
            Address = referral.Address,
            AreaCode = referral.AreaCode,
            DisputeTypeCode = referral.DisputeTypeCode,
            Summary = referral.Summary,
            PoliceAction = referral.PoliceAction,
            OfficerName = referral.OfficerName,
            Parties = [.. referral.Parties],
            Risk = referral.Risk,
            ContentHash = contentHash,
            Status = CaseStatus.Referred,
            ReferredAt = now,
        };
        @case.Record(by, null, now, new Referred(referral.StationCode, referral.IncidentNumber));
        return @case;
    }

    public void Grade(GradingResult grading, DateTimeOffset now)
    {
        Color = grading.Color;
        GradingFactors = [.. grading.Factors];
        var note = grading.Factors.Count == 0 ? "无风险因素，绿色 (no risk factor)" : string.Join("；", grading.Factors.Select(f => f.Description));
        Record(Actor.Rule("grading"), Status, now, new Graded(Color, note));
    }

    /// <summary>The referral is the dispute of an earlier case coming back: linked, with what matched (masked).</summary>
    public void LinkRecurrence(RecurrenceMatch match, DateTimeOffset now)
    {
        RecurrenceOfCaseId = match.EarlierCaseId;
        Record(Actor.Rule("recurrence"), Status, now,
            new RecurrenceLinked(match.EarlierCaseId, match.EarlierIncidentNumber, match.MatchedOn, match.OnLater()));
    }

    /// <summary>The earlier case learns that its dispute came back (from the rule, or from the coordinator who confirmed a possible link).</summary>
    public void NoteRecurrence(Guid laterCaseId, string laterIncidentNumber, RecurrenceMatch match, DateTimeOffset now, Actor? by = null) =>
        Record(by ?? Actor.Rule("recurrence"), Status, now,
            new RecurrenceLinked(laterCaseId, laterIncidentNumber, match.MatchedOn, match.OnEarlier(laterIncidentNumber)));

    /// <summary>
    /// 可能关联: earlier cases of the same type at the same coarse address, for the coordinator to confirm or
    /// dismiss. The color does not change; each one is a timeline entry naming the earlier case.
    /// </summary>
    public void SuggestLinks(IReadOnlyList<PossibleLinkMatch> matches, DateTimeOffset now)
    {
        foreach (var match in matches.Where(m => m.EarlierCaseId != Id && PossibleLinks.All(l => l.EarlierCaseId != m.EarlierCaseId)))
        {
            PossibleLinks = [.. PossibleLinks, PossibleLink.Found(match, now)];
            Record(Actor.Rule("recurrence"), Status, now, new LinkSuggested(match.EarlierCaseId, match.EarlierIncidentNumber,
                $"可能关联：与案件 {match.EarlierIncidentNumber} 的地址相同（{match.MaskedAddress}），纠纷类型相同；" +
                "地址只到街道、村社、小区或地标一级，不足以认定同一纠纷，请矛调中心确认或排除"));
        }
    }

    public void Route(RoutingDecision decision, DateTimeOffset now) => Route(decision, now, null);

    /// <summary>Nobody has accepted the case yet: an amendment may still change where it goes.</summary>
    public bool AwaitsAcceptance => Status is CaseStatus.Referred or CaseStatus.Triage or CaseStatus.Routed;

    /// <summary>
    /// 重新分流: the station amended the referral so that the rules send it elsewhere, and nobody has
    /// accepted it yet. It goes where the amended content says (the department that had it but had not
    /// accepted it loses it; the accept clock starts again), and the entry says why.
    /// </summary>
    public void Reroute(RoutingDecision decision, DateTimeOffset now)
    {
        if (!AwaitsAcceptance) throw new InvalidOperationException($"Case {Id} is {Status}: an accepted case is not routed again");
        AreaCode = decision.AreaCode ?? AreaCode;
        if (decision.IsTriage)
        {
            LeadDepartmentCode = null;
            CoHandlerCodes = [];
            RoutedAt = null;
        }
        Route(decision, now, "派出所补充更正后，按更正后的内容重新分流：");
    }

    private void Route(RoutingDecision decision, DateTimeOffset now, string? notePrefix)
    {
        var from = Status;
        AreaCode ??= decision.AreaCode;
        RoutingRuleId = decision.Rule?.Id;
        RoutingRuleVersion = decision.Rule?.Version;
        RoutingExplanation = decision.Explanation;
        var note = notePrefix + decision.Explanation;
        if (decision.LeadDepartmentCode is not { } lead)
        {
            Status = CaseStatus.Triage;
            Record(Actor.Rule("routing"), from, now, new SentToTriage(decision.Rule?.Id, decision.Rule?.Version, note));
            return;
        }
        SendTo(lead, decision.CoHandlerCodes, now);
        Record(Actor.Rule("routing"), from, now, new Routed(decision.Rule?.Id, decision.Rule?.Version, lead, [.. CoHandlerCodes], note));
    }

    /// <summary>A station re-sent the incident with other content: recorded, never a second case.</summary>
    public void Amend(ValidReferral referral, string contentHash, IReadOnlyList<string> changedFields, Actor by, DateTimeOffset now)
    {
        OccurredAt = referral.OccurredAt;
        Address = referral.Address;
        AreaCode = referral.AreaCode ?? AreaCode;
        DisputeTypeCode = referral.DisputeTypeCode;
        Summary = referral.Summary;
        PoliceAction = referral.PoliceAction;
        OfficerName = referral.OfficerName;
        Parties = [.. referral.Parties];
        Risk = referral.Risk;
        ContentHash = contentHash;
        Record(by, Status, now, new Amended([.. changedFields]));
    }

    /// <summary>
    /// An amendment changed the risk assessment: the color rises if the new grading says so (colors
    /// never drop on their own; a coordinator may lower them).
    /// </summary>
    public void Regrade(GradingResult grading, Deadlines.DeadlinePolicy deadlines, DateTimeOffset now)
    {
        if (grading.Color <= Color) return;
        var previous = Color;
        MoveClockFor(grading.Color, deadlines, now);
        Color = grading.Color;
        GradingFactors = [.. grading.Factors];
        Record(Actor.Rule("grading"), Status, now,
            new Regraded(previous, Color, "补充信息后重新定级：" + string.Join("；", grading.Factors.Select(f => f.Description))));
    }

    private void SendTo(string lead, IEnumerable<string> coHandlers, DateTimeOffset now)
    {
        Status = CaseStatus.Routed;
        LeadDepartmentCode = lead;
        CoHandlerCodes = coHandlers.Where(c => c != lead).Distinct().ToList();
        RoutedAt = now;
        AcceptedAt = null;
    }

    /// <summary>Appends the step to the trajectory, with the case's state after it; sealed on save.</summary>
    private void Record(Actor actor, CaseStatus? from, DateTimeOffset at, CaseEvent happened)
    {
        TimelineCount++;
        Version++;
        _newEntries.Add(TimelineEntry.Append(this, TimelineCount, at, actor, from, happened));
    }

    /// <summary>
    /// Chains the new entries to the last sealed one and seals them, in order: the save hook calls it
    /// before the entries are inserted.
    /// </summary>
    public void SealNewEntries(ChainKey key)
    {
        foreach (var entry in _newEntries.Where(e => !e.IsSealed))
        {
            entry.Seal(LastTimelineHash, key);
            LastTimelineHash = entry.Hash;
        }
    }

    /// <summary>Called by the store once the new entries are saved.</summary>
    public void ClearNewEntries()
    {
        _newEntries.Clear();
        _recurrenceNotices.Clear();
    }
}
