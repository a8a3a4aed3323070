namespace Referral.Core.Cases;

public enum PossibleLinkState
{
    /// <summary>Waiting for the coordinator.</summary>
    Open,
    /// <summary>The coordinator found it the same dispute: it counts as a recurrence.</summary>
    Confirmed,
    /// <summary>The coordinator found it another dispute, with a reason.</summary>
    Dismissed,
}

/// <summary>
/// 可能关联: an earlier case of the same dispute type at the same coarse address (a street, community,
/// village, estate or landmark) within the recurrence window. Not a recurrence by itself — the color
/// does not change — until the coordinator confirms it; or dismisses it, with a reason.
/// </summary>
public sealed class PossibleLink
{
    public Guid EarlierCaseId { get; private set; }
    public string EarlierIncidentNumber { get; private set; } = "";

    /// <summary>The shared address, masked.</summary>
    public string Address { get; private set; } = "";

    public DateTimeOffset EarlierOccurredAt { get; private set; }
    public DateTimeOffset FoundAt { get; private set; }
    public PossibleLinkState State { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>The coordinator's reason for a dismissal, or note for a confirmation.</summary>
    public string? Reason { get; private set; }

    public bool IsOpen => State == PossibleLinkState.Open;

    private PossibleLink()
    {
    }

    internal static PossibleLink Found(Recurrence.PossibleLinkMatch match, DateTimeOffset now) => new()
    {
        EarlierCaseId = match.EarlierCaseId,
        EarlierIncidentNumber = match.EarlierIncidentNumber,
        Address = match.MaskedAddress,
        EarlierOccurredAt = match.EarlierOccurredAt,
        FoundAt = now,
        State = PossibleLinkState.Open,
    };

    internal void Decide(PossibleLinkState state, Actor by, string? reason, DateTimeOffset now)
    {
        State = state;
        DecidedAt = now;
        DecidedBy = by.Name;
        Reason = reason;
    }
}

/// <summary>A confirmed link to note on the earlier case's timeline, in the same unit of work.</summary>
public sealed record RecurrenceNotice(Guid EarlierCaseId, Guid LaterCaseId, string LaterIncidentNumber, Recurrence.RecurrenceMatch Match, Actor By);
