namespace Referral.Dispatch.Referrals;

/// <summary>One way into the service: the bus (raw JSON on RabbitMQ) or the HTTP API.</summary>
internal interface IReferralDoor : IAsyncDisposable
{
    /// <summary>How many referrals an import keeps waiting for their answer at once through this door.</summary>
    int ImportConcurrency { get; }

    /// <summary>
    /// Hands one referral over and returns, once it is handed over, the task of its answer: already
    /// complete over HTTP; over the bus it completes when the service's answer arrives. A referral the
    /// door refused is answered <see cref="Outcome.Failed"/>.
    /// </summary>
    /// <exception cref="DoorUnavailableException">The broker or the service cannot be reached at all.</exception>
    Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken);

    /// <summary>Waits for outstanding answers; those still missing after <paramref name="quiet"/> without any answer are unanswered.</summary>
    Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken);

    /// <summary>Until cancelled: whenever answers are awaited but none came for <paramref name="quiet"/>, they are unanswered.</summary>
    Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="DoorUnavailableException"/>: tries to open the door again. True when sending may
    /// go on; false while it cannot (try again later), or always for a door that does not reconnect.
    /// </summary>
    Task<bool> ReconnectAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}

/// <summary>The broker or the service cannot be reached; going on would only fail every referral.</summary>
internal sealed class DoorUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
