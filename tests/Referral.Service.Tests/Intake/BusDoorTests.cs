using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Privacy;
using Referral.Service.Intake;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>The MassTransit door on the test harness: answers by message id, duplicates, dead letters.</summary>
public sealed class BusDoorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private ReferralApp _app = null!;
    private ITestHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _harness = _app.Services.GetRequiredService<ITestHarness>();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Valid_message_becomes_a_routed_case_answered_created_for_its_message_id()
    {
        var referral = Referrals.Valid(disputeType: "消费", address: Referrals.UniqueAddress());
        var messageId = NewId.NextGuid();

        await _harness.Bus.Publish(referral, ctx => ctx.MessageId = messageId);

        var accepted = await PublishedAsync<ReferralAccepted>(m => m.ReferralMessageId == messageId);
        var routed = await PublishedAsync<CaseRouted>(m => m.CaseId == accepted.CaseId);
        Assert.That(accepted.Outcome, Is.EqualTo("created"));
        Assert.That(accepted.IncidentNumber, Is.EqualTo(referral.IncidentNumber));
        Assert.That(accepted.DepartmentCode, Is.EqualTo("scjg"));
        Assert.That(routed.DepartmentCode, Is.EqualTo("scjg"));
        Assert.That(routed.RuleId, Is.Not.Null);
        var stored = await _app.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.IncidentNumber == referral.IncidentNumber).ToListAsync());
        Assert.That(stored.Select(c => c.Id), Is.EqualTo(new[] { accepted.CaseId }));
        var first = await _app.QueryAsync(db => db.Timeline.AsNoTracking().FirstAsync(t => t.CaseId == accepted.CaseId && t.Sequence == 1));
        Assert.That((first.Action, first.ActorName), Is.EqualTo((CaseAction.Refer, "station:gutang")));
    }

    [Test]
    public async Task Same_message_id_again_is_answered_duplicate_without_a_second_case()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());
        var messageId = NewId.NextGuid();
        await _harness.Bus.Publish(referral, ctx => ctx.MessageId = messageId);
        var created = await PublishedAsync<ReferralAccepted>(m => m.ReferralMessageId == messageId);

        await _harness.Bus.Publish(referral, ctx => ctx.MessageId = messageId);

        var duplicate = await PublishedAsync<ReferralAccepted>(m => m.ReferralMessageId == messageId && m.Outcome == "duplicate");
        Assert.That(created.Outcome, Is.EqualTo("created"));
        Assert.That(duplicate.CaseId, Is.EqualTo(created.CaseId));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    [Test]
    public async Task Invalid_message_is_rejected_naming_its_fields_and_dead_lettered_masked_and_the_next_good_one_still_becomes_a_case()
    {
        var phone = Referrals.Phone();
        var bad = Referrals.Valid(address: Referrals.UniqueAddress()) with
        {
            DisputeType = "打麻将",
            Parties = [new PartyInfo { Name = "王小明", Phone = "12345" }, new PartyInfo { Name = "李晓红", Phone = phone, IdNumber = Referrals.IdNumber() }],
        };
        var good = Referrals.Valid(address: Referrals.UniqueAddress());
        var (badId, goodId) = (NewId.NextGuid(), NewId.NextGuid());

        await _harness.Bus.Publish(bad, ctx => ctx.MessageId = badId);
        await _harness.Bus.Publish(good, ctx => ctx.MessageId = goodId);

        var rejected = await PublishedAsync<ReferralRejected>(m => m.ReferralMessageId == badId);
        Assert.That(rejected.Errors.Keys, Is.EquivalentTo(new[] { "disputeType", "parties[0].phone" }));
        Assert.That(rejected.IncidentNumber, Is.EqualTo(bad.IncidentNumber));
        var (notice, destination) = await SentAsync<MessageDeadLettered>(m => m.MessageId == badId);
        Assert.That(destination?.AbsolutePath, Does.EndWith($"/{IncidentReferredConsumerDefinition.Queue}_error"));
        Assert.That(notice.Reason, Does.Contain("disputeType").And.Contain("parties[0].phone"));
        Assert.That(notice.MaskedBody, Does.Contain(bad.IncidentNumber));
        Assert.That(PersonalData.ContainsUnmaskedNumbers(notice.MaskedBody), Is.False, notice.MaskedBody);
        var letters = await _app.QueryAsync(db => db.DeadLetters.AsNoTracking().Where(d => d.MessageId == badId).ToListAsync());
        Assert.That(letters, Has.Count.EqualTo(1));
        Assert.That(letters[0].Queue, Is.EqualTo(IncidentReferredConsumerDefinition.Queue));
        Assert.That(letters[0].Reason, Is.EqualTo(notice.Reason));
        Assert.That(letters[0].Body, Does.Contain(phone), "the original is kept whole in the database");
        var accepted = await PublishedAsync<ReferralAccepted>(m => m.ReferralMessageId == goodId);
        Assert.That(accepted.Outcome, Is.EqualTo("created"));
        Assert.That(await CaseCountAsync(bad.IncidentNumber!), Is.Zero);
    }

    [Test]
    public async Task Message_with_an_id_number_born_in_the_future_is_rejected_naming_the_id_number_and_stores_nothing()
    {
        var birth = DateTime.UtcNow.AddDays(2).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var first17 = "330282" + birth + "123";
        var bad = Referrals.Valid(address: Referrals.UniqueAddress(), idNumber: first17 + IdCardNumber.CheckCharacterOf(first17));
        var badId = NewId.NextGuid();

        await _harness.Bus.Publish(bad, ctx => ctx.MessageId = badId);

        var rejected = await PublishedAsync<ReferralRejected>(m => m.ReferralMessageId == badId);
        Assert.That(rejected.Errors.Keys, Is.EqualTo(new[] { "parties[0].idNumber" }));
        Assert.That(rejected.Errors["parties[0].idNumber"], Has.Some.Contains("出生日期晚于今天"));
        Assert.That(await CaseCountAsync(bad.IncidentNumber!), Is.Zero);
    }

    [Test]
    public async Task Incident_referred_over_http_and_then_on_the_bus_is_one_case()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());
        var messageId = NewId.NextGuid();
        using var station = _app.CreateStationClient();
        using var posted = await station.PostAsJsonAsync("/api/referrals", referral);
        var receipt = await posted.Content.ReadFromJsonAsync<JsonElement>();

        await _harness.Bus.Publish(referral, ctx => ctx.MessageId = messageId);

        var accepted = await PublishedAsync<ReferralAccepted>(m => m.ReferralMessageId == messageId);
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(accepted.Outcome, Is.EqualTo("duplicate"));
        Assert.That(accepted.CaseId, Is.EqualTo(receipt.GetProperty("caseId").GetGuid()));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    private async Task<T> PublishedAsync<T>(Func<T, bool> match) where T : class
    {
        using var cts = new CancellationTokenSource(Timeout);
        Assert.That(await _harness.Published.Any<T>(m => match(m.Context.Message), cts.Token), Is.True,
            $"no matching {typeof(T).Name} was published within {Timeout.TotalSeconds:0} s");
        return _harness.Published.Select<T>(m => match(m.Context.Message), cts.Token).First().Context.Message;
    }

    private async Task<(T Message, Uri? Destination)> SentAsync<T>(Func<T, bool> match) where T : class
    {
        using var cts = new CancellationTokenSource(Timeout);
        Assert.That(await _harness.Sent.Any<T>(m => match(m.Context.Message), cts.Token), Is.True,
            $"no matching {typeof(T).Name} was sent within {Timeout.TotalSeconds:0} s");
        var sent = _harness.Sent.Select<T>(m => match(m.Context.Message), cts.Token).First();
        return (sent.Context.Message, sent.Context.DestinationAddress);
    }

    private Task<int> CaseCountAsync(string incidentNumber) =>
        _app.QueryAsync(db => db.Cases.CountAsync(c => c.IncidentNumber == incidentNumber));
}
