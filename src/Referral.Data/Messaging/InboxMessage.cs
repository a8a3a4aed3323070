namespace Referral.Data.Messaging;

/// <summary>
/// A message a consumer has processed, written in the consumer's transaction: a redelivery or a
/// duplicate of the same message id finds the row and changes nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
