using System.Collections.Concurrent;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Tests;

/// <summary>A door that answers at once with what <see cref="Answer"/> decides, and remembers what it was sent.</summary>
internal sealed class FakeDoor(Func<OutgoingReferral, Answer> answer) : IReferralDoor
{
    public ConcurrentBag<string> Sent { get; } = [];

    public int ImportConcurrency => 4;

    public Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken)
    {
        Sent.Add(referral.IncidentNumber);
        return Task.FromResult(Task.FromResult(answer(referral)));
    }

    public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static Answer Created(OutgoingReferral _) => new(Outcome.Created, Guid.NewGuid(), "Routed", "green", "sfs");
}
