namespace Referral.Contracts;

/// <summary>
/// Put on a queue's <c>_error</c> queue when a message on it could not be processed: why, and a
/// masked copy of the body. The original is kept by the service and re-queued through its admin
/// API or CLI (<c>referral-dispatch dead-letters</c>), not by moving this message back.
/// </summary>
public sealed record MessageDeadLettered
{
    public long DeadLetterId { get; init; }
    public Guid? MessageId { get; init; }
    public required string Queue { get; init; }
    public required string Reason { get; init; }
    public string? IncidentNumber { get; init; }
    public string? StationCode { get; init; }

    /// <summary>The body with the parties' personal data masked.</summary>
    public required string MaskedBody { get; init; }

    public DateTimeOffset FailedAt { get; init; }
}
