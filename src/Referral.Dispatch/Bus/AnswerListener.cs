using System.Collections.Concurrent;
using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Bus;

/// <summary>
/// Collects the service's answers from a private queue bound to the two answer exchanges and hands
/// each to whoever expects its referral message id. The answer exchanges are fanouts, so answers to
/// other stations arrive too; they are ignored.
/// </summary>
internal sealed class AnswerListener
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Answer>> _expected = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private long _quietSince = Stopwatch.GetTimestamp();

    /// <summary>A listener fed by <see cref="Deliver"/> only; <see cref="StartAsync"/> connects one to the broker.</summary>
    internal AnswerListener()
    {
    }

    /// <summary>Binds the queue before anything is published, so no answer can be missed.</summary>
    public static async Task<AnswerListener> StartAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var listener = new AnswerListener();
        await listener.ListenAsync(channel, cancellationToken);
        return listener;
    }

    /// <summary>
    /// Listens on a channel of a new connection after the old one was lost, keeping what is awaited:
    /// answers the service published while no queue was bound are gone, and stay missing.
    /// </summary>
    public async Task ListenAsync(IChannel channel, CancellationToken cancellationToken)
    {
        // Declared here as MassTransit declares them, so binding works before the service ever published.
        foreach (var exchange in new[] { AnswerEnvelope.AcceptedExchange, AnswerEnvelope.RejectedExchange })
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        foreach (var exchange in new[] { AnswerEnvelope.AcceptedExchange, AnswerEnvelope.RejectedExchange })
            await channel.QueueBindAsync(queue.QueueName, exchange, "", cancellationToken: cancellationToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Deliver(delivery.Body.Span);
            return Task.CompletedTask;
        };
        // Auto-ack: the queue dies with this process anyway, so an unacked answer could not be saved.
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
    }

    /// <summary>Registers interest in the answer to <paramref name="messageId"/>; call it before publishing.</summary>
    public Task<Answer> Expect(Guid messageId)
    {
        // Waiting starts now if nothing was awaited before: quiet time without expectations does not count.
        if (_expected.IsEmpty) Interlocked.Exchange(ref _quietSince, Stopwatch.GetTimestamp());
        return _expected.GetOrAdd(messageId, _ => new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    /// <summary>Stops waiting for one message (its publish failed).</summary>
    public void Forget(Guid messageId, Answer instead)
    {
        if (_expected.TryRemove(messageId, out var waiter)) waiter.TrySetResult(instead);
    }

    /// <summary>
    /// Waits until every expected answer arrived, or until none arrived for <paramref name="quiet"/>:
    /// a service still working through a backlog keeps us waiting, a stopped one does not. What is
    /// still missing then is answered <see cref="Outcome.Unanswered"/>.
    /// </summary>
    public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => WatchAsync(quiet, untilEmpty: true, cancellationToken);

    /// <summary>Until cancelled: whenever answers are expected but none arrived for <paramref name="quiet"/>, gives up on them.</summary>
    public async Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        try
        {
            await WatchAsync(quiet, untilEmpty: false, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller: its work is done.
        }
    }

    private async Task WatchAsync(TimeSpan quiet, bool untilEmpty, CancellationToken cancellationToken)
    {
        while (!(untilEmpty && _expected.IsEmpty))
        {
            var idle = Stopwatch.GetElapsedTime(Interlocked.Read(ref _quietSince));
            if (!_expected.IsEmpty && idle >= quiet)
            {
                GiveUp(quiet);
                continue;
            }
            await _arrived.WaitAsync(idle < quiet ? quiet - idle : quiet, cancellationToken);
        }
    }

    private void GiveUp(TimeSpan quiet)
    {
        Interlocked.Exchange(ref _quietSince, Stopwatch.GetTimestamp());
        foreach (var id in _expected.Keys)
            Forget(id, Answer.Unanswered($"no answer came for {quiet.TotalSeconds:0} s"));
    }

    internal void Deliver(ReadOnlySpan<byte> body)
    {
        var now = Stopwatch.GetTimestamp();
        if (AnswerEnvelope.Parse(body, now) is not { } parsed) return;
        var (id, answer) = parsed;
        if (!_expected.TryRemove(id, out var waiter)) return;
        Interlocked.Exchange(ref _quietSince, now);
        waiter.TrySetResult(answer);
        _arrived.Release();
    }
}
