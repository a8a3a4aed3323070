using System.Diagnostics;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>Fault 3: the database unavailable during the burst (30 s in the full profile).</summary>
public sealed class DatabaseOutageTests : FaultTest
{
    [Test]
    public async Task Database_unavailable_mid_burst_loses_and_doubles_nothing()
    {
        var vhost = await Node.AddVirtualHostAsync("db-outage");
        var service = Service(vhost);
        await service.StartAndWaitReadyAsync();
        var burst = new Burst("db", Profile.Burst, Profile.Rate);

        var sending = burst.SendAsync(Node.Amqp(vhost), resendFor: TimeSpan.FromMinutes(3));
        await Task.Delay(Profile.BurstDuration * 0.3);
        int before, during;
        var clock = Stopwatch.StartNew();
        await using (await DatabaseOutage.BeginAsync(service.DatabaseFile))
        {
            before = (await Ledger.CasesPerIncidentAsync(service.DatabaseFile, burst.Prefix)).Count;
            TestContext.Progress.WriteLine($"database locked (BEGIN EXCLUSIVE) with {before} cases stored");
            await Task.Delay(Profile.DatabaseOutage);
            during = (await Ledger.CasesPerIncidentAsync(service.DatabaseFile, burst.Prefix)).Count;
        }
        TestContext.Progress.WriteLine($"database released after {clock.Elapsed.TotalSeconds:0.0} s");
        var figures = await sending;

        Assert.That(during, Is.EqualTo(before), "nothing was written while the database was unavailable");
        Assert.That(figures.Failed, Is.Zero);
        await Reconciliation.SettleAsync("db-outage", service, Node, vhost, burst.Prefix, figures.Sent, burst.Confirmed());
        await AssertReadyAsync(service);
    }
}
