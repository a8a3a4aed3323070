namespace Referral.Dispatch.Referrals;

/// <summary>What became of one referral, as the station sees it.</summary>
internal enum Outcome
{
    /// <summary>A new case.</summary>
    Created,
    /// <summary>Already received with the same content; the existing case is returned.</summary>
    Duplicate,
    /// <summary>Already received; the changes were recorded on the existing case.</summary>
    Amended,
    /// <summary>The service refused it; <see cref="Answer.Errors"/> names the fields.</summary>
    Rejected,
    /// <summary>Refused before sending: a CSV cell could not be read.</summary>
    Invalid,
    /// <summary>Handed over, but no answer came in time.</summary>
    Unanswered,
    /// <summary>Not handed over: nacked or returned by the broker, or the HTTP request failed.</summary>
    Failed,
}

/// <summary>The service's answer to one referral, from either door, or the reason there is none.</summary>
/// <param name="Department">Department code, with its name when the HTTP door gave it.</param>
/// <param name="ReceivedAt">When the answer arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamp), for latency figures.</param>
internal sealed record Answer(
    Outcome Outcome,
    Guid? CaseId = null,
    string? Status = null,
    string? Color = null,
    string? Department = null,
    string? Routing = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Note = null,
    long ReceivedAt = 0)
{
    public bool IsAccepted => Outcome is Outcome.Created or Outcome.Duplicate or Outcome.Amended;

    /// <summary>The service (or the CSV reader) gave a final word on this referral; re-sending would not change it.</summary>
    public bool IsFinal => IsAccepted || Outcome is Outcome.Rejected or Outcome.Invalid;

    public static Answer Unanswered(string note) => new(Outcome.Unanswered, Note: note);

    public static Answer Failed(string note) => new(Outcome.Failed, Note: note);
}
