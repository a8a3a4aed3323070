using Referral.Core.Grading;

namespace Referral.Core.Cases.Events;

/// <summary>流转: the station referred the incident.</summary>
public sealed record Referred(string Station, string Incident) : CaseEvent
{
    public override CaseAction Action => CaseAction.Refer;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("station", Station), ("incident", Incident)];
}

/// <summary>定级: the first color, from the risk assessment; the note lists the factors.</summary>
public sealed record Graded(WarningColor Color, string Factors) : CaseEvent
{
    public override CaseAction Action => CaseAction.Grade;
    public override string? Note => Factors;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("color", Color.Code())];
}

/// <summary>An amendment's risk assessment raised the color.</summary>
public sealed record Regraded(WarningColor From, WarningColor To, string Factors) : CaseEvent
{
    public override CaseAction Action => CaseAction.Grade;
    public override string? Note => Factors;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("from", From.Code()), ("to", To.Code())];
}

/// <summary>关联重复纠纷: this case and another share a party or a dwelling (on both cases, each naming the other).</summary>
public sealed record RecurrenceLinked(Guid OtherCase, string OtherIncident, string MatchedOn, string Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.LinkRecurrence;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("case", OtherCase.ToString()), ("incident", OtherIncident), ("matchedOn", MatchedOn)];
}

/// <summary>发现可能关联: an earlier case of the same type at the same coarse address, for the coordinator to decide.</summary>
public sealed record LinkSuggested(Guid EarlierCase, string EarlierIncident, string Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.SuggestLink;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("case", EarlierCase.ToString()), ("incident", EarlierIncident)];
}

/// <summary>分流: a routing rule sent the case to its lead department (and co-handlers).</summary>
public sealed record Routed(long? Rule, int? RuleVersion, string Lead, IReadOnlyList<string> CoHandlers, string Explanation) : CaseEvent
{
    public override CaseAction Action => CaseAction.Route;
    public override string? Note => Explanation;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("rule", Number(Rule)), ("ruleVersion", Number(RuleVersion)), ("lead", Lead), ("coHandlers", List(CoHandlers))];
}

/// <summary>转入待分派: no rule matched (or the rule said so): the center's triage decides.</summary>
public sealed record SentToTriage(long? Rule, int? RuleVersion, string Explanation) : CaseEvent
{
    public override CaseAction Action => CaseAction.SendToTriage;
    public override string? Note => Explanation;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("rule", Number(Rule)), ("ruleVersion", Number(RuleVersion))];
}

/// <summary>补充更正: the station re-sent the incident with other content.</summary>
public sealed record Amended(IReadOnlyList<string> Fields) : CaseEvent
{
    public override CaseAction Action => CaseAction.Amend;
    public override string? Note => $"派出所重新发送，更新了：{string.Join("、", Fields)}";

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("fields", List(Fields))];
}
