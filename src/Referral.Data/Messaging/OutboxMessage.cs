namespace Referral.Data.Messaging;

/// <summary>
/// A message a database change produced, written in the same transaction as the change. The relay
/// publishes it and marks it; until then it survives crashes and restarts.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }

    /// <summary>The bus message id, fixed at write time so that a re-publish is recognised downstream.</summary>
    public Guid MessageId { get; init; }

    /// <summary>Messages of one case are published in the order they were written.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>The contract type's full name (Referral.Contracts.CaseRouted).</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Not before this time (backoff after a failed publish).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? LastError { get; set; }
}
