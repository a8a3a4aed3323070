using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>Fault 5: a poison message among good ones ends in the error queue with its reason; the good ones become cases.</summary>
public sealed class PoisonMessageTests : FaultTest
{
    [Test]
    public async Task Poison_message_lands_in_the_error_queue_with_its_reason_and_the_others_become_cases()
    {
        var vhost = await Node.AddVirtualHostAsync("poison");
        var service = Service(vhost);
        await service.StartAndWaitReadyAsync();
        var prefix = $"FPOI{DateTime.UtcNow:HHmmss}";
        var generator = new SyntheticReferrals(10, TimeProvider.System, TimeSpan.FromDays(30));
        var good = Enumerable.Range(1, 200).Select(n => OutgoingReferral.Of(generator.Next($"{prefix}-{n:D7}", "gutang"), "gutang")).ToList();
        var poisonId = Guid.NewGuid();
        // Announced as JSON, but not JSON at all: no retry or redelivery can ever make it a referral.
        var poison = Encoding.UTF8.GetBytes("\u0001\u0002 这不是 JSON {{{ incidentNumber: ");

        await using (var publisher = await RawPublisher.ConnectAsync(Node.Amqp(vhost)))
        {
            for (var i = 0; i < good.Count; i++)
            {
                if (i == good.Count / 2) await publisher.PublishAsync(poison, poisonId);
                await publisher.PublishAsync(good[i].Body, good[i].MessageId);
            }
        }

        await Reconciliation.SettleAsync("poison", service, Node, vhost, prefix, good.Count + 1, good.Select(g => g.IncidentNumber).ToList());
        var errorQueue = await RawPublisher.DrainAsync(Node.Amqp(vhost), "referral-intake_error");
        var notices = errorQueue.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("message"))
            .Where(m => m.TryGetProperty("messageId", out var id) && id.GetString() == poisonId.ToString()).ToList();
        Assert.That(notices, Has.Count.EqualTo(1), "the poison message is on the error queue once");
        var reason = notices[0].GetProperty("reason").GetString();
        TestContext.Progress.WriteLine($"error queue: {errorQueue.Count} message(s); the poison's reason: {reason}");
        Assert.That(reason, Is.Not.Null.And.Not.Empty);

        using var admin = await service.SignInAsync("admin");
        var letters = await admin.GetFromJsonAsync<JsonElement>("api/admin/dead-letters?queue=referral-intake");
        var listed = letters.EnumerateArray().Where(l => l.GetProperty("messageId").GetString() == poisonId.ToString()).ToList();
        Assert.That(listed, Has.Count.EqualTo(1), "the admin API lists it for re-queueing");
        Assert.That(listed[0].GetProperty("reason").GetString(), Is.Not.Empty);
        await AssertReadyAsync(service);
    }
}
