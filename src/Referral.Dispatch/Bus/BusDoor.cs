using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Bus;

/// <summary>
/// The bus door: publishes raw JSON referrals to the service's exchange and collects the answers the
/// service publishes through MassTransit. One connection, one channel to publish, one to listen.
/// </summary>
internal sealed class BusDoor : IReferralDoor
{
    /// <summary>A reconnection that failed is not tried again sooner than this, however many senders ask.</summary>
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A publish not confirmed in this time is presumed lost with its connection, which is then dropped, so that
    /// no send waits forever on a connection the broker took with it (seen after <c>kill -9</c> of the broker).
    /// </summary>
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opening a connection with its channels, however the broker (re)starting behaves.</summary>
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(20);

    private readonly Uri _amqp;
    private readonly string _exchange;
    private readonly int _maxOutstanding;
    private readonly AnswerListener _answers;
    private readonly SemaphoreSlim _reconnecting = new(1, 1);
    private Link _link;
    private long _lastFailedReconnect;

    /// <summary>One connection with its publishing channel; replaced whole when the connection is lost.</summary>
    private sealed record Link(IConnection Connection, ReferralPublisher Publisher)
    {
        public bool IsOpen => Connection.IsOpen && Publisher.IsOpen;
    }

    private BusDoor(Uri amqp, string exchange, int maxOutstanding, AnswerListener answers, Link link)
    {
        _amqp = amqp;
        _exchange = exchange;
        _maxOutstanding = maxOutstanding;
        _answers = answers;
        _link = link;
    }

    /// <summary>
    /// Enough to keep the service busy (it works on 16 at a time), and a bound on what a killed import
    /// leaves published but unanswered: the service answers a message id once, so a resumed import
    /// cannot learn those rows' answers on the bus.
    /// </summary>
    public int ImportConcurrency => 64;

    /// <param name="maxOutstanding">Publishes awaiting their confirm at once (back-pressure for the caller).</param>
    public static async Task<BusDoor> ConnectAsync(Uri amqp, string exchange, int maxOutstanding, CancellationToken cancellationToken)
    {
        var answers = new AnswerListener();
        var link = await OpenAsync(amqp, exchange, maxOutstanding, answers, cancellationToken);
        return new BusDoor(amqp, exchange, maxOutstanding, answers, link);
    }

    public async Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken)
    {
        var link = Volatile.Read(ref _link);
        var answer = _answers.Expect(referral.MessageId);
        using var confirmTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        confirmTimeout.CancelAfter(ConfirmTimeout);
        try
        {
            await link.Publisher.PublishAsync(referral, confirmTimeout.Token);
        }
        catch (PublishRefusedException ex)
        {
            _answers.Forget(referral.MessageId, Answer.Failed(ex.Message));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _answers.Forget(referral.MessageId, Answer.Failed("no confirm from the broker in time"));
            await AbandonAsync(link.Connection);
            throw new DoorUnavailableException($"no confirm from the broker within {ConfirmTimeout.TotalSeconds:0} s; the connection is dropped", ex);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is AlreadyClosedException || !link.IsOpen))
        {
            // Not confirmed: the broker may or may not have it. Only a re-send (same message id) settles it.
            _answers.Forget(referral.MessageId, Answer.Failed("the connection to the broker was closed"));
            throw new DoorUnavailableException($"the connection to the broker was closed: {Reason(ex)}", ex);
        }
        return answer;
    }

    /// <summary>
    /// After a lost connection: opens a new one (once, however many senders ask) and listens for answers
    /// on it again. False while the broker cannot be reached; a failed attempt is not repeated for a second.
    /// </summary>
    public async Task<bool> ReconnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _link).IsOpen) return true;
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFailedReconnect)) < ReconnectPause) return false;
        await _reconnecting.WaitAsync(cancellationToken);
        try
        {
            var old = Volatile.Read(ref _link);
            if (old.IsOpen) return true;
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFailedReconnect)) < ReconnectPause) return false;
            try
            {
                Volatile.Write(ref _link, await OpenAsync(_amqp, _exchange, _maxOutstanding, _answers, cancellationToken));
            }
            catch (DoorUnavailableException)
            {
                Interlocked.Exchange(ref _lastFailedReconnect, Stopwatch.GetTimestamp());
                return false;
            }
            await AbandonAsync(old.Connection);
            return true;
        }
        finally
        {
            _reconnecting.Release();
        }
    }

    public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => _answers.DrainAsync(quiet, cancellationToken);

    public Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken) => _answers.ExpireWhenQuietAsync(quiet, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(Volatile.Read(ref _link).Connection);
        _reconnecting.Dispose();
    }

    /// <summary>The broker URI without its password, for messages.</summary>
    public static string Redacted(Uri amqp) =>
        new UriBuilder(amqp) { Password = amqp.UserInfo.Contains(':', StringComparison.Ordinal) ? "***" : "" }.Uri.ToString();

    private static async Task<Link> OpenAsync(Uri amqp, string exchange, int maxOutstanding, AnswerListener answers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OpenTimeout);
        try
        {
            return await OpenOnceAsync(amqp, exchange, maxOutstanding, answers, timeout.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DoorUnavailableException($"cannot use the broker at {Redacted(amqp)}: no answer within {OpenTimeout.TotalSeconds:0} s", ex);
        }
    }

    private static async Task<Link> OpenOnceAsync(Uri amqp, string exchange, int maxOutstanding, AnswerListener answers, CancellationToken cancellationToken)
    {
        // No automatic recovery: the client's recovery would re-publish nothing and hide the gap. A lost
        // connection fails the publishes awaiting their confirm, and the caller decides to re-send them
        // (load does) or to stop cleanly (import: its state file resumes it).
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "referral-dispatch", AutomaticRecoveryEnabled = false };
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
            var listening = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await answers.ListenAsync(listening, cancellationToken);
            var publishing = await connection.CreateChannelAsync(ReferralPublisher.ChannelOptions(maxOutstanding), cancellationToken);
            var publisher = await ReferralPublisher.CreateAsync(publishing, exchange, cancellationToken);
            return new Link(connection, publisher);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
                                       or System.Net.Sockets.SocketException or IOException or OperationCanceledException)
        {
            if (connection is not null) await AbandonAsync(connection);
            if (ex is OperationCanceledException) throw;
            throw new DoorUnavailableException($"cannot use the broker at {Redacted(amqp)}: {Reason(ex)}", ex);
        }
    }

    /// <summary>Drops a connection without waiting for the broker to agree (it may be gone).</summary>
    private static async Task AbandonAsync(IConnection connection)
    {
        try
        {
            await connection.AbortAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    private static async Task CloseAsync(IConnection connection)
    {
        try
        {
            await connection.CloseAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // Closed by the broker already, or lost with it; nothing left to release.
        }
        await connection.DisposeAsync();
    }

    private static string Reason(Exception ex) => ex.InnerException is { } inner && ex is BrokerUnreachableException
        ? inner.Message
        : ex.Message;
}
