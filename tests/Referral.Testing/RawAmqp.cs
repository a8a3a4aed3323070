using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Referral.Testing;

/// <summary>Plain AMQP, as a station system that is not .NET uses it: publish raw bytes, read a queue.</summary>
public static class RawAmqp
{
    public const string ReferralExchange = "referral.incoming";

    /// <summary>Publishes a persistent message with publisher confirms, as the dispatch client does.</summary>
    public static async Task PublishRawAsync(this RabbitMqVirtualHost vhost, byte[] body, Guid messageId,
        string contentType = "application/json", string exchange = ReferralExchange)
    {
        await using var connection = await vhost.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            ContentType = contentType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = messageId.ToString(),
        };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, properties, body);
    }

    /// <summary>
    /// Takes every message waiting in the queue (acknowledging them) and returns their bodies; none
    /// while the queue does not exist yet (MassTransit declares an error queue on its first message).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DrainAsync(this RabbitMqVirtualHost vhost, string queue)
    {
        await using var connection = await vhost.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var bodies = new List<string>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
                bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // No such queue: nothing was ever put on it.
        }
        return bodies;
    }
}
