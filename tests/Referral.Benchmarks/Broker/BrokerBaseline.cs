using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Referral.Benchmarks.Infrastructure;
using Referral.Dispatch.Bus;

namespace Referral.Benchmarks.Broker;

/// <summary>
/// What RabbitMQ alone does with the same bodies: plain RabbitMQ.Client, persistent messages, publisher
/// confirms (the dispatch client's channel options), a classic durable queue, a consumer that acks
/// each message. Its own virtual host, its own connections for publishing and consuming.
/// </summary>
internal sealed class BrokerBaseline(string amqpUri)
{
    /// <summary>As many unconfirmed publishes as the dispatch client's load command allows.</summary>
    private const int MaxOutstanding = 1000;

    private const ushort Prefetch = 200;

    /// <summary>Publishes <paramref name="count"/> messages as fast as confirms allow; the rate is from the first publish to the last ack.</summary>
    public async Task<double> ThroughputAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, int count, CancellationToken cancellationToken)
    {
        await using var queue = await BaselineQueue.OpenAsync(amqpUri, cancellationToken);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.ConsumeAsync(_ =>
        {
            if (Interlocked.Increment(ref received) == count) done.TrySetResult();
        }, cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var sends = new Task[count];
        for (var i = 0; i < count; i++) sends[i] = queue.PublishAsync(bodies[i % bodies.Count], i, cancellationToken);
        await Task.WhenAll(sends);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(3), cancellationToken);
        return count / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Open loop at <paramref name="rate"/> per second: from each message's scheduled send time to its delivery to the consumer.</summary>
    public async Task<IReadOnlyList<double>> LatencyAsync(IReadOnlyList<ReadOnlyMemory<byte>> bodies, double rate, int seconds, CancellationToken cancellationToken)
    {
        await using var queue = await BaselineQueue.OpenAsync(amqpUri, cancellationToken);
        var count = (int)(rate * seconds);
        var scheduled = new long[count];
        var latencies = new double[count];
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.ConsumeAsync(index =>
        {
            latencies[index] = Stopwatch.GetElapsedTime(scheduled[index]).TotalMilliseconds;
            if (Interlocked.Increment(ref received) == count) done.TrySetResult();
        }, cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            scheduled[i] = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            var early = due - Stopwatch.GetElapsedTime(start);
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early, cancellationToken);
            sends.Add(queue.PublishAsync(bodies[i % bodies.Count], i, cancellationToken));
        }
        await Task.WhenAll(sends);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        return latencies;
    }

    private sealed class BaselineQueue : IAsyncDisposable
    {
        private readonly IConnection _consuming;
        private readonly IConnection _publishing;
        private readonly IChannel _consumer;
        private readonly IChannel _publisher;
        private readonly string _name;

        private BaselineQueue(IConnection consuming, IConnection publishing, IChannel consumer, IChannel publisher, string name)
        {
            (_consuming, _publishing, _consumer, _publisher, _name) = (consuming, publishing, consumer, publisher, name);
        }

        public static async Task<BaselineQueue> OpenAsync(string amqpUri, CancellationToken cancellationToken)
        {
            var factory = new ConnectionFactory { Uri = new Uri(amqpUri), ClientProvidedName = "referral-bench-baseline" };
            var consuming = await factory.CreateConnectionAsync(cancellationToken);
            var publishing = await factory.CreateConnectionAsync(cancellationToken);
            var consumer = await consuming.CreateChannelAsync(cancellationToken: cancellationToken);
            var name = $"baseline-{Guid.NewGuid():N}";
            await consumer.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: cancellationToken);
            await consumer.BasicQosAsync(0, Prefetch, false, cancellationToken);
            var publisher = await publishing.CreateChannelAsync(ReferralPublisher.ChannelOptions(MaxOutstanding), cancellationToken);
            return new BaselineQueue(consuming, publishing, consumer, publisher, name);
        }

        public async Task ConsumeAsync(Action<int> received, CancellationToken cancellationToken)
        {
            var consumer = new AsyncEventingBasicConsumer(_consumer);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                received(int.Parse(delivery.BasicProperties.MessageId!, CultureInfo.InvariantCulture));
                await _consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            };
            await _consumer.BasicConsumeAsync(_name, autoAck: false, consumer, cancellationToken);
        }

        public async Task PublishAsync(ReadOnlyMemory<byte> body, int index, CancellationToken cancellationToken)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                MessageId = index.ToString(CultureInfo.InvariantCulture),
            };
            await _publisher.BasicPublishAsync("", _name, mandatory: true, properties, body, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await _consumer.QueueDeleteAsync(_name);
            await _publisher.DisposeAsync();
            await _consumer.DisposeAsync();
            await _publishing.DisposeAsync();
            await _consuming.DisposeAsync();
        }
    }
}
