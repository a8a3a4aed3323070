using System.Diagnostics;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>Fault 2: <c>kill -9</c> the service in the middle of the burst; start it again.</summary>
public sealed class ServiceKilledTests : FaultTest
{
    [Test]
    public async Task Service_killed_mid_burst_loses_and_doubles_nothing()
    {
        var vhost = await Node.AddVirtualHostAsync("kill-service");
        var service = Service(vhost);
        await service.StartAndWaitReadyAsync();
        var burst = new Burst("ks", Profile.Burst, Profile.Rate);

        var clock = Stopwatch.StartNew();
        var sending = burst.SendAsync(Node.Amqp(vhost), resendFor: TimeSpan.FromMinutes(3));
        // Mid-burst: cases are being stored while referrals still arrive.
        while (clock.Elapsed < Profile.BurstDuration * 0.4 || (await Ledger.CasesPerIncidentAsync(service.DatabaseFile, burst.Prefix)).Count == 0)
            await Task.Delay(200);
        var before = (await Ledger.CasesPerIncidentAsync(service.DatabaseFile, burst.Prefix)).Count;
        await service.KillHardAsync();
        TestContext.Progress.WriteLine($"service killed (SIGKILL) with {before} cases stored; starting it again");
        service.Start();
        var figures = await sending;
        await service.WaitReadyAsync(TimeSpan.FromMinutes(2));

        Assert.That(figures.Failed, Is.Zero);
        await Reconciliation.SettleAsync("service-kill", service, Node, vhost, burst.Prefix, figures.Sent, burst.Confirmed());
        await AssertReadyAsync(service);
    }
}
