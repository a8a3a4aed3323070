namespace Referral.Data.Messaging;

/// <summary>
/// An email waiting to be sent, written in the same transaction as what caused it. <see cref="Key"/>
/// is unique: one notification per event and recipient, one digest per recipient, kind and period,
/// however often a job or a consumer runs. The mail relay sends it, with retries, and marks it.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; private set; }
    public required string Key { get; init; }

    /// <summary>case-routed, case-closed, digest-daily, digest-weekly, follow-up-due, escalation...</summary>
    public required string Kind { get; init; }

    public required string ToAddress { get; init; }
    public string ToName { get; init; } = "";
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public required string HtmlBody { get; init; }

    /// <summary>The Message-ID header, fixed at write time so that a retried send is the same message.</summary>
    public required string MessageId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}
