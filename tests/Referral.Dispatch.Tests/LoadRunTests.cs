using Referral.Contracts;
using Referral.Dispatch.Load;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Tests;

/// <summary>A lost connection in the middle of a load run: what was not confirmed is sent again, not given up.</summary>
public sealed class LoadRunTests
{
    private static readonly LoadFigures Figures = new() { Via = "bus", Count = 50, Prefix = "T", Seed = 1 };

    private static List<OutgoingReferral> Referrals(int count) => Enumerable.Range(1, count)
        .Select(n => OutgoingReferral.Of(new IncidentReferred { IncidentNumber = $"T-{n:D7}", StationCode = "gutang" }, "gutang")).ToList();

    [Test]
    public async Task Referrals_lost_with_the_connection_are_resent_once_the_door_reopens()
    {
        await using var door = new FlakyDoor(failures: 20, reopensAfter: 3);
        var referrals = Referrals(50);
        var run = new LoadRun(door, referrals, rate: null, resendFor: TimeSpan.FromSeconds(30));

        var figures = await run.RunAsync(Figures, wait: false, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.That(figures.Confirmed, Is.EqualTo(50));
        Assert.That(figures.Failed, Is.Zero);
        Assert.That(figures.Resent, Is.EqualTo(20));
        Assert.That(run.Confirmed().Select(r => r.IncidentNumber), Is.EquivalentTo(referrals.Select(r => r.IncidentNumber)));
    }

    [Test]
    public async Task Without_a_resend_window_a_lost_connection_counts_as_failed()
    {
        await using var door = new FlakyDoor(failures: 20, reopensAfter: 0);
        var run = new LoadRun(door, Referrals(50), rate: null);

        var figures = await run.RunAsync(Figures, wait: false, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.That(figures.Failed, Is.EqualTo(20));
        Assert.That(figures.Confirmed, Is.EqualTo(30));
        Assert.That(run.Confirmed(), Has.Count.EqualTo(30));
    }

    /// <summary>Loses the connection for the first <c>failures</c> sends; reopens on the <c>reopensAfter</c>-th reconnection attempt.</summary>
    private sealed class FlakyDoor(int failures, int reopensAfter) : IReferralDoor
    {
        private int _failures = failures;
        private int _attempts;

        public int ImportConcurrency => 4;

        public Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failures) >= 0) throw new DoorUnavailableException("the connection to the broker was closed");
            return Task.FromResult(Task.FromResult(FakeDoor.Created(referral)));
        }

        public Task<bool> ReconnectAsync(CancellationToken cancellationToken) => Task.FromResult(Interlocked.Increment(ref _attempts) >= reopensAfter);

        public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
