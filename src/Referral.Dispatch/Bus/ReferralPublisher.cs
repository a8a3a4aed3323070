using System.Threading.RateLimiting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Bus;

/// <summary>
/// Publishes raw JSON referrals to the service's fanout exchange with publisher confirms: a publish
/// completes when the broker has taken responsibility for the message, and fails on a nack or
/// when no queue was bound to receive it (mandatory).
/// </summary>
internal sealed class ReferralPublisher(IChannel channel, string exchange)
{
    public bool IsOpen => channel.IsOpen;

    /// <summary>A channel that tracks confirms, allowing this many publishes awaiting their confirm.</summary>
    public static CreateChannelOptions ChannelOptions(int maxOutstanding) => new(
        publisherConfirmationsEnabled: true,
        publisherConfirmationTrackingEnabled: true,
        // A plain concurrency limit: the client's default limiter also adds delays near the limit,
        // which would hide a slow broker from the load generator's lag figure.
        outstandingPublisherConfirmationsRateLimiter: new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxOutstanding,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));

    /// <summary>Declares the exchange as the service does; declaring an existing one changes nothing.</summary>
    public static async Task<ReferralPublisher> CreateAsync(IChannel channel, string exchange, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        return new ReferralPublisher(channel, exchange);
    }

    /// <exception cref="PublishRefusedException">The broker nacked or returned the message.</exception>
    public async Task PublishAsync(OutgoingReferral referral, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            MessageId = referral.MessageId.ToString(),
        };
        try
        {
            await channel.BasicPublishAsync(exchange, "", mandatory: true, properties, referral.Body, cancellationToken);
        }
        catch (PublishException ex)
        {
            throw new PublishRefusedException(ex.IsReturn
                ? $"returned by the broker: no queue is bound to '{exchange}' (is the service running on this virtual host?)"
                : "nacked by the broker", ex);
        }
    }
}

/// <summary>The broker would not take one message; others may still go through.</summary>
internal sealed class PublishRefusedException(string message, Exception inner) : Exception(message, inner);
