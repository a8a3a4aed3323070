using System.Diagnostics;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>Fault 6: the broker is down when the service starts and comes up later (a minute in the full profile).</summary>
public sealed class BrokerLateTests : FaultTest
{
    [Test]
    public async Task Service_started_without_the_broker_is_not_ready_until_it_comes_then_processes()
    {
        var vhost = await Node.AddVirtualHostAsync("broker-late");
        await Node.KillHardAsync();
        var service = Service(vhost);
        service.Start();

        var answers = new List<int>();
        var clock = Stopwatch.StartNew();
        // The broker stays away for the profile's time from the start, and at least until the service,
        // slow to start on a busy machine, has answered not-ready for a few seconds.
        while (clock.Elapsed < Profile.BrokerLate || answers.Count(a => a == 503) < 5)
        {
            if (clock.Elapsed > Profile.BrokerLate + TimeSpan.FromMinutes(2)) Assert.Fail($"the service never answered:\n{service.LogTail()}");
            var (status, body) = await service.ReadinessAsync();
            answers.Add(status);
            Assert.That(status, Is.Not.EqualTo(200), $"ready without a broker: {body}");
            await Task.Delay(1000);
        }
        TestContext.Progress.WriteLine($"without a broker for {clock.Elapsed.TotalSeconds:0} s: readiness answered " +
                                       string.Join(", ", answers.GroupBy(a => a).Select(g => $"{g.Count()}× {g.Key}")));
        Assert.That(answers, Has.Member(503), "the service was up and said it was not ready");

        await Node.StartAgainAsync();
        var broker = Stopwatch.StartNew();
        await service.WaitReadyAsync(TimeSpan.FromMinutes(3));
        TestContext.Progress.WriteLine($"ready {broker.Elapsed.TotalSeconds:0.0} s after the broker came up");

        var burst = new Burst("bl", Math.Max(500, Profile.Burst / 4), Profile.Rate);
        var figures = await burst.SendAsync(Node.Amqp(vhost), resendFor: TimeSpan.FromMinutes(1));
        Assert.That(figures.Failed, Is.Zero);
        await Reconciliation.SettleAsync("broker-late", service, Node, vhost, burst.Prefix, figures.Sent, burst.Confirmed());
        await AssertReadyAsync(service);
    }
}
