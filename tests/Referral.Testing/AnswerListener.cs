using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Referral.Testing;

/// <summary>
/// Listens, as a station system would, for the answers the service publishes on RabbitMQ
/// (ReferralAccepted, ReferralRejected, CaseRouted...), and lets a test await one.
/// </summary>
public sealed class AnswerListener : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentDictionary<string, List<JsonElement>> _received = new();
    private readonly List<(Func<string, JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];

    private AnswerListener(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <param name="messageTypes">Contract names, e.g. "ReferralAccepted".</param>
    public static async Task<AnswerListener> StartAsync(RabbitMqVirtualHost vhost, params string[] messageTypes)
    {
        var connection = await vhost.ConnectAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in messageTypes)
        {
            var exchange = $"Referral.Contracts:{type}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var listener = new AnswerListener(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var type = envelope.RootElement.GetProperty("messageType")[0].GetString()!.Split(':')[^1];
            listener.Add(type, envelope.RootElement.GetProperty("message").Clone());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return listener;
    }

    private void Add(string type, JsonElement message)
    {
        lock (_waiters)
        {
            _received.GetOrAdd(type, _ => []).Add(message);
            foreach (var w in _waiters.Where(w => w.Match(type, message)).ToList())
            {
                w.Done.TrySetResult(message);
                _waiters.Remove(w);
            }
        }
    }

    public IReadOnlyList<JsonElement> Received(string type)
    {
        lock (_waiters) return _received.TryGetValue(type, out var list) ? [.. list] : [];
    }

    /// <summary>The first message of this type matching the predicate, received before or after the call.</summary>
    public Task<JsonElement> WaitForAsync(string type, Func<JsonElement, bool> predicate, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            var already = Received(type).FirstOrDefault(predicate);
            if (already.ValueKind != JsonValueKind.Undefined) return Task.FromResult(already);
            _waiters.Add(((t, m) => t == type && predicate(m), done));
        }
        return done.Task.WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
