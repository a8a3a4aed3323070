namespace Referral.Data.Messaging;

/// <summary>
/// A message that could not be processed. The original is kept here (the database already holds
/// the parties' data; the error queue gets a masked copy only), so that an admin can re-queue it
/// after a fix.
/// </summary>
public sealed class DeadLetter
{
    public long Id { get; private set; }
    public Guid? MessageId { get; init; }

    /// <summary>The queue the message failed on, e.g. referral-intake.</summary>
    public required string Queue { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The original body, as received.</summary>
    public required string Body { get; init; }

    /// <summary>Why it failed: the exception type and message (no personal data).</summary>
    public required string Reason { get; init; }

    public string? IncidentNumber { get; init; }
    public string? StationCode { get; init; }
    public DateTimeOffset FailedAt { get; init; }
    public DateTimeOffset? RequeuedAt { get; set; }
    public string? RequeuedBy { get; set; }
}
