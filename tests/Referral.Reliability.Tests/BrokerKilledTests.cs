using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>Fault 1: <c>kill -9</c> the broker in the middle of a burst from the dispatch client; restart it.</summary>
public sealed class BrokerKilledTests : FaultTest
{
    [Test]
    public async Task Broker_killed_mid_burst_loses_and_doubles_nothing()
    {
        var vhost = await Node.AddVirtualHostAsync("kill-broker");
        var service = Service(vhost);
        await service.StartAndWaitReadyAsync();
        var burst = new Burst("kb", Profile.Burst, Profile.Rate);

        var sending = burst.SendAsync(Node.Amqp(vhost), resendFor: TimeSpan.FromMinutes(3));
        await Task.Delay(Profile.BurstDuration * 0.4);
        await Node.KillHardAsync();
        TestContext.Progress.WriteLine("broker killed (SIGKILL); starting it again");
        await Node.StartAgainAsync();
        var figures = await sending;

        Assert.That(figures.Failed, Is.Zero, "the client re-sent everything the lost connection left unconfirmed");
        Assert.That(figures.Resent, Is.Positive, "the kill struck while referrals were in flight");
        await Reconciliation.SettleAsync("broker-kill", service, Node, vhost, burst.Prefix, figures.Sent, burst.Confirmed());
        await AssertReadyAsync(service);
    }
}
