namespace Referral.Contracts;

/// <summary>What every case event carries, so a subscriber can route it without a lookup.</summary>
public interface ICaseEvent
{
    Guid CaseId { get; }
    string IncidentNumber { get; }
    string StationCode { get; }
    string? DepartmentCode { get; }
    string Status { get; }
    string Color { get; }
    DateTimeOffset At { get; }
}

/// <summary>A referral became a case and went to a department, or to the center's triage queue.</summary>
public sealed record CaseRouted : ICaseEvent
{
    public Guid CaseId { get; init; }
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }
    public string? DepartmentCode { get; init; }
    public IReadOnlyList<string> CoHandlerCodes { get; init; } = [];
    public required string Status { get; init; }
    public required string Color { get; init; }
    public string? DisputeType { get; init; }
    public long? RuleId { get; init; }
    public int? RuleVersion { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A station re-sent an incident with changed content; it was recorded on the existing case.</summary>
public sealed record ReferralAmended : ICaseEvent
{
    public Guid CaseId { get; init; }
    public required string IncidentNumber { get; init; }
    public required string StationCode { get; init; }
    public string? DepartmentCode { get; init; }
    public required string Status { get; init; }
    public required string Color { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>What every event about a person's action on a case carries besides the case.</summary>
public abstract record CaseActionEvent : ICaseEvent
{
    public Guid CaseId { get; init; }
    public string IncidentNumber { get; init; } = "";
    public string StationCode { get; init; } = "";
    public string? DepartmentCode { get; init; }
    public IReadOnlyList<string> CoHandlerCodes { get; init; } = [];
    public string Status { get; init; } = "";
    public string? FromStatus { get; init; }
    public string Color { get; init; } = "";

    /// <summary>Who acted: a user name, or <c>rule:…</c> for an automatic rule.</summary>
    public string Actor { get; init; } = "";

    public string ActorRole { get; init; } = "";
    public DateTimeOffset At { get; init; }
}

/// <summary>The center sent a case from triage to a department.</summary>
public sealed record CaseAssigned : CaseActionEvent;

/// <summary>The lead department accepted the case (签收).</summary>
public sealed record CaseAccepted : CaseActionEvent;

/// <summary>The lead department sent the case back to triage (退回).</summary>
public sealed record CaseRejected : CaseActionEvent
{
    public string? RejectedByDepartmentCode { get; init; }
}

/// <summary>A department recorded progress (日清).</summary>
public sealed record ProgressRecorded : CaseActionEvent
{
    public string Kind { get; init; } = "";
}

/// <summary>Another department was asked to co-handle the case (协办).</summary>
public sealed record CoHandlingRequested : CaseActionEvent
{
    public string RequestedDepartmentCode { get; init; } = "";
}

/// <summary>The center moved the case to another lead department (转办).</summary>
public sealed record CaseTransferred : CaseActionEvent
{
    public string? FromDepartmentCode { get; init; }
}

/// <summary>The center changed the color, with a reason (or confirmed a possible link, which makes the case red).</summary>
public sealed record CaseColorChanged : CaseActionEvent
{
    public string FromColor { get; init; } = "";
}

public sealed record CaseOnHold : CaseActionEvent;

public sealed record CaseResumed : CaseActionEvent;

/// <summary>The case was closed (办结). A station system can consume this to learn the outcome.</summary>
public sealed record CaseClosed : CaseActionEvent
{
    /// <summary>agreementReached, resolvedOtherwise, notResolvable or withdrawn.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>调解成功 and the like, for people reading the event.</summary>
    public string OutcomeName { get; init; } = "";

    public bool Resolved { get; init; }
}

/// <summary>The dispute came back: the case is open again, one color up.</summary>
public sealed record CaseReopened : CaseActionEvent;

/// <summary>The follow-up visit (回访) was recorded; a recurrence reopens the case.</summary>
public sealed record FollowUpRecorded : CaseActionEvent
{
    public bool Calm { get; init; }
    public string Satisfaction { get; init; } = "";
}

/// <summary>The dispute turned into a criminal case (民转刑).</summary>
public sealed record CaseFlaggedCriminal : CaseActionEvent;

/// <summary>An automatic rule raised the color or escalated to the supervisors.</summary>
public sealed record CaseEscalated : CaseActionEvent
{
    /// <summary>The rule that decided it, e.g. accept-overdue.</summary>
    public string Rule { get; init; } = "";

    public string FromColor { get; init; } = "";
    public bool ToSupervisors { get; init; }
}

/// <summary>A deadline is two working hours away: the responsible department is warned (only it).</summary>
public sealed record CaseDueSoon : CaseActionEvent
{
    /// <summary>accept-due-soon or resolve-due-soon.</summary>
    public string Rule { get; init; } = "";

    public DateTimeOffset DeadlineAt { get; init; }
}
