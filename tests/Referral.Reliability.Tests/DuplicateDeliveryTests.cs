using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>
/// Fault 4: the same message delivered three times, and two identical referrals (two message ids) consumed
/// at the same moment by two service instances sharing the database and the queue (competing consumers).
/// </summary>
public sealed class DuplicateDeliveryTests : FaultTest
{
    [Test]
    public async Task Thrice_delivered_messages_and_identical_referrals_on_two_instances_make_one_case_each()
    {
        var vhost = await Node.AddVirtualHostAsync("duplicates");
        var first = Service(vhost, name: "instance-a");
        await first.StartAndWaitReadyAsync();
        var second = Service(vhost, name: "instance-b");
        await second.StartAndWaitReadyAsync();

        var count = Math.Max(200, Profile.Burst / 10);
        var prefix = $"FDUP{DateTime.UtcNow:HHmmss}";
        var generator = new SyntheticReferrals(9, TimeProvider.System, TimeSpan.FromDays(30));
        var referrals = Enumerable.Range(1, 2 * count)
            .Select(n => OutgoingReferral.Of(generator.Next($"{prefix}-{n:D7}", "gutang"), "gutang")).ToList();
        await using (var publisher = await RawPublisher.ConnectAsync(Node.Amqp(vhost)))
        {
            // Consecutive copies: the broker hands consecutive messages to the two instances in turn.
            foreach (var thrice in referrals.Take(count))
                for (var copy = 0; copy < 3; copy++)
                    await publisher.PublishAsync(thrice.Body, thrice.MessageId);
            foreach (var twin in referrals.Skip(count))
            {
                await publisher.PublishAsync(twin.Body, twin.MessageId);
                await publisher.PublishAsync(twin.Body, Guid.NewGuid());
            }
        }

        var incidents = referrals.Select(r => r.IncidentNumber).ToList();
        await Reconciliation.SettleAsync("duplicates", first, Node, vhost, prefix, referrals.Count, incidents);
        await AssertReadyAsync(first);
        await AssertReadyAsync(second);
    }
}
