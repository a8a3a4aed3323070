using RabbitMQ.Client;

namespace Referral.Reliability.Tests.Support;

/// <summary>Publishes raw bodies to the referral exchange with publisher confirms, as a station system that is not .NET would.</summary>
public sealed class RawPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RawPublisher(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawPublisher> ConnectAsync(Uri amqp)
    {
        var connection = await new ConnectionFactory { Uri = amqp, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync("referral.incoming", ExchangeType.Fanout, durable: true, autoDelete: false);
        return new RawPublisher(connection, channel);
    }

    /// <summary>Returns once the broker confirmed the message.</summary>
    public async Task PublishAsync(ReadOnlyMemory<byte> body, Guid messageId, string contentType = "application/json")
    {
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent, MessageId = messageId.ToString() };
        await _channel.BasicPublishAsync("referral.incoming", "", mandatory: true, properties, body);
    }

    /// <summary>Takes every message waiting in a queue (acknowledging them); none when the queue does not exist.</summary>
    public static async Task<IReadOnlyList<byte[]>> DrainAsync(Uri amqp, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var bodies = new List<byte[]>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message) bodies.Add(message.Body.ToArray());
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // No such queue yet.
        }
        return bodies;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _channel.DisposeAsync();
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}
