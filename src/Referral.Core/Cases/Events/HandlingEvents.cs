using Referral.Core.Grading;

namespace Referral.Core.Cases.Events;

/// <summary>分派: the center sent the case from triage to a lead department (and co-handlers).</summary>
public sealed record Assigned(string Lead, IReadOnlyList<string> CoHandlers, string? Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.Assign;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("lead", Lead), ("coHandlers", List(CoHandlers))];
}

/// <summary>签收: the lead department took the case on.</summary>
public sealed record Accepted(string? Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.Accept;
    public override string? Note => Text;
}

/// <summary>退回: the lead department sent the case back to triage, with a reason.</summary>
public sealed record Rejected(string RejectedBy, string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.Reject;
    public override string? Note => Reason;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("rejectedBy", RejectedBy)];
}

/// <summary>反馈进展: a call, a visit, a mediation session… (日清).</summary>
public sealed record ProgressRecorded(ProgressKind Kind, string Text, string? NextStep) : CaseEvent
{
    public override CaseAction Action => CaseAction.RecordProgress;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("kind", Kind.ToString()), ("nextStep", NextStep)];
}

/// <summary>邀请协办: another department was asked to help.</summary>
public sealed record CoHandlingRequested(string Department, string? Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.RequestCoHandling;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("department", Department)];
}

/// <summary>转办: the case moved to another lead department.</summary>
public sealed record Transferred(string? From, string To, string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.Transfer;
    public override string? Note => Reason;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("from", From), ("to", To)];
}

/// <summary>调整预警: the center raised or lowered the color.</summary>
public sealed record ColorChanged(WarningColor From, WarningColor To, string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.ChangeColor;
    public override string? Note => Reason;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("from", From.Code()), ("to", To.Code())];
}

/// <summary>暂停: waiting for a party or a court date.</summary>
public sealed record PutOnHold(string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.Hold;
    public override string? Note => Reason;
}

/// <summary>恢复办理: the hold ended.</summary>
public sealed record Resumed(string? Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.Resume;
    public override string? Note => Text;
}

/// <summary>办结: closed with an outcome.</summary>
public sealed record Closed(CaseOutcome Outcome, string? AgreementSummary) : CaseEvent
{
    public override CaseAction Action => CaseAction.Close;
    public override string? Note => AgreementSummary;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("outcome", Outcome.ToString())];
}

/// <summary>回访: the follow-up visit; a dispute that came back reopened the case.</summary>
public sealed record FollowUpRecorded(bool Calm, Satisfaction Satisfaction, string? Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.RecordFollowUp;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("calm", Calm ? "true" : "false"), ("satisfaction", Satisfaction.ToString())];
}

/// <summary>重新打开: the dispute came back; one color up.</summary>
public sealed record Reopened(WarningColor From, WarningColor To, string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.Reopen;
    public override string? Note => Reason;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("from", From.Code()), ("to", To.Code())];
}

/// <summary>标记民转刑: the dispute turned into a criminal case.</summary>
public sealed record FlaggedTurnedCriminal(string Reason) : CaseEvent
{
    public override CaseAction Action => CaseAction.FlagTurnedCriminal;
    public override string? Note => Reason;
}

/// <summary>确认关联: the coordinator found a possible link the same dispute: a recurrence, red.</summary>
public sealed record LinkConfirmed(Guid EarlierCase, string EarlierIncident, WarningColor From, WarningColor To, string Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.ConfirmLink;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("case", EarlierCase.ToString()), ("incident", EarlierIncident), ("from", From.Code()), ("to", To.Code())];
}

/// <summary>排除关联: the coordinator found a possible link another dispute, with a reason.</summary>
public sealed record LinkDismissed(Guid EarlierCase, string EarlierIncident, string Text) : CaseEvent
{
    public override CaseAction Action => CaseAction.DismissLink;
    public override string? Note => Text;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() => [("case", EarlierCase.ToString()), ("incident", EarlierIncident)];
}
