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
    private readonly IConnection _connection;
    private readonly ReferralPublisher _publisher;
    private readonly AnswerListener _answers;

    private BusDoor(IConnection connection, ReferralPublisher publisher, AnswerListener answers)
    {
        _connection = connection;
        _publisher = publisher;
        _answers = answers;
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
        // No automatic recovery: after a lost connection the answers published meanwhile are gone, so a
        // clean failure (and a resumable import) tells the truth better than a silent reconnect.
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "referral-dispatch", AutomaticRecoveryEnabled = false };
        IConnection? connection = null;
        try
        {
            connection = await factory.CreateConnectionAsync(cancellationToken);
            var listening = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var answers = await AnswerListener.StartAsync(listening, cancellationToken);
            var publishing = await connection.CreateChannelAsync(ReferralPublisher.ChannelOptions(maxOutstanding), cancellationToken);
            var publisher = await ReferralPublisher.CreateAsync(publishing, exchange, cancellationToken);
            return new BusDoor(connection, publisher, answers);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or System.Net.Sockets.SocketException)
        {
            if (connection is not null) await connection.DisposeAsync();
            throw new DoorUnavailableException($"cannot use the broker at {Redacted(amqp)}: {Reason(ex)}", ex);
        }
    }

    public async Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken)
    {
        var answer = _answers.Expect(referral.MessageId);
        try
        {
            await _publisher.PublishAsync(referral, cancellationToken);
        }
        catch (PublishRefusedException ex)
        {
            _answers.Forget(referral.MessageId, Answer.Failed(ex.Message));
        }
        catch (AlreadyClosedException ex)
        {
            _answers.Forget(referral.MessageId, Answer.Failed("the connection to the broker was closed"));
            throw new DoorUnavailableException($"the connection to the broker was closed: {Reason(ex)}", ex);
        }
        return answer;
    }

    public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => _answers.DrainAsync(quiet, cancellationToken);

    public Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken) => _answers.ExpireWhenQuietAsync(quiet, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.CloseAsync();
        }
        catch (AlreadyClosedException)
        {
            // Closed by the broker already; nothing left to release.
        }
        await _connection.DisposeAsync();
    }

    /// <summary>The broker URI without its password, for messages.</summary>
    public static string Redacted(Uri amqp) =>
        new UriBuilder(amqp) { Password = amqp.UserInfo.Contains(':', StringComparison.Ordinal) ? "***" : "" }.Uri.ToString();

    private static string Reason(Exception ex) => ex.InnerException is { } inner && ex is BrokerUnreachableException
        ? inner.Message
        : ex.Message;
}
