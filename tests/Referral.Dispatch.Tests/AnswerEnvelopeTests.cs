using System.Text;
using Referral.Dispatch.Bus;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Tests;

public sealed class AnswerEnvelopeTests
{
    private static readonly Guid Sent = Guid.Parse("58a108ba-3a74-8908-b395-9de425eb0b84");

    /// <summary>Shaped as MassTransit 8 publishes it (application/vnd.masstransit+json).</summary>
    private static string Envelope(string type, string message) => $$"""
        {
          "messageId": "0b010000-a8c0-0242-7cf1-08de2b0c4b1c",
          "conversationId": "0b010000-a8c0-0242-6c3d-08de2b0c4b1d",
          "sourceAddress": "rabbitmq://localhost/dispatch-dev/host_bus",
          "destinationAddress": "rabbitmq://localhost/dispatch-dev/Referral.Contracts:{{type}}",
          "messageType": ["urn:message:Referral.Contracts:{{type}}"],
          "message": {{message}},
          "sentTime": "2026-11-24T03:14:29.8417919Z",
          "headers": {},
          "host": { "machineName": "gutang", "processName": "Referral.Service" }
        }
        """;

    private static (Guid, Answer)? Parse(string json) => AnswerEnvelope.Parse(Encoding.UTF8.GetBytes(json), receivedAt: 42);

    [Test]
    public void Accepted_answer_gives_the_case_and_the_referral_message_id()
    {
        var json = Envelope("ReferralAccepted", $$"""
            { "caseId": "01a20b8b-2fa5-7f9d-b483-f7ef0d3bdfbe", "incidentNumber": "GT-1", "stationCode": "gutang", "outcome": "amended",
              "status": "Routed", "color": "yellow", "departmentCode": "fulian", "referralMessageId": "{{Sent}}", "at": "2026-11-24T03:14:29Z" }
            """);

        var (id, answer) = Parse(json)!.Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(id, Is.EqualTo(Sent));
            Assert.That(answer.Outcome, Is.EqualTo(Outcome.Amended));
            Assert.That(answer.CaseId, Is.EqualTo(Guid.Parse("01a20b8b-2fa5-7f9d-b483-f7ef0d3bdfbe")));
            Assert.That(answer.Status, Is.EqualTo("Routed"));
            Assert.That(answer.Color, Is.EqualTo("yellow"));
            Assert.That(answer.Department, Is.EqualTo("fulian"));
            Assert.That(answer.ReceivedAt, Is.EqualTo(42));
        }
    }

    [Test]
    public void Rejected_answer_gives_the_field_errors()
    {
        var json = Envelope("ReferralRejected", $$"""
            { "incidentNumber": "GT-1", "stationCode": "gutang", "referralMessageId": "{{Sent}}",
              "errors": { "parties[0].phone": ["不是有效的大陆手机号码 (is not a valid mainland mobile number)"], "disputeType": ["未知的纠纷类型"] },
              "rejectedAt": "2026-11-24T03:14:29Z" }
            """);

        var (id, answer) = Parse(json)!.Value;

        Assert.That(id, Is.EqualTo(Sent));
        Assert.That(answer.Outcome, Is.EqualTo(Outcome.Rejected));
        Assert.That(answer.Errors!.Keys, Is.EquivalentTo(new[] { "parties[0].phone", "disputeType" }));
    }

    [Test]
    public void Other_messages_and_answers_without_a_referral_message_id_are_ignored()
    {
        var routed = Envelope("CaseRouted", """{ "caseId": "01a20b8b-2fa5-7f9d-b483-f7ef0d3bdfbe", "incidentNumber": "GT-1" }""");
        var anonymous = Envelope("ReferralAccepted",
            """{ "caseId": "01a20b8b-2fa5-7f9d-b483-f7ef0d3bdfbe", "incidentNumber": "GT-1", "stationCode": "gutang", "outcome": "created", "status": "Routed", "color": "green" }""");

        Assert.That(Parse(routed), Is.Null);
        Assert.That(Parse(anonymous), Is.Null);
        Assert.That(Parse("not json at all"), Is.Null);
        Assert.That(Parse("[1, 2]"), Is.Null);
    }

    [Test]
    public async Task Listener_hands_each_answer_to_its_referral_and_gives_up_on_the_rest_when_quiet()
    {
        var listener = new AnswerListener();
        var answered = listener.Expect(Sent);
        var silent = listener.Expect(Guid.NewGuid());

        listener.Deliver(Encoding.UTF8.GetBytes(Envelope("ReferralRejected", $$"""{ "referralMessageId": "{{Sent}}", "errors": { "summary": ["必填"] } }""")));
        listener.Deliver(Encoding.UTF8.GetBytes(Envelope("ReferralRejected", $$"""{ "referralMessageId": "{{Guid.NewGuid()}}", "errors": {} }""")));
        await listener.DrainAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.That((await answered).Outcome, Is.EqualTo(Outcome.Rejected));
        Assert.That((await silent).Outcome, Is.EqualTo(Outcome.Unanswered));
    }

    [Test]
    public async Task Drain_ends_at_once_when_every_answer_has_arrived()
    {
        var listener = new AnswerListener();
        var answered = listener.Expect(Sent);
        listener.Deliver(Encoding.UTF8.GetBytes(Envelope("ReferralRejected", $$"""{ "referralMessageId": "{{Sent}}", "errors": { "summary": ["必填"] } }""")));
        using var stop = new CancellationTokenSource();

        var drain = listener.DrainAsync(TimeSpan.FromHours(1), stop.Token);

        Assert.That(drain.IsCompleted, Is.True, "nothing is left to wait for");
        Assert.That((await answered).Outcome, Is.EqualTo(Outcome.Rejected));
        await stop.CancelAsync();
    }
}
