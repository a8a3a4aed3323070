using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Referral.Contracts;
using Referral.Core.Intake;
using Referral.Data;
using Referral.Service.Infrastructure;
using Referral.Service.Messaging;

namespace Referral.Service.Intake;

/// <summary>
/// The <c>referral-intake</c> queue: MassTransit envelopes and raw JSON (content type
/// <c>application/json</c>) from the <c>referral.incoming</c> fanout exchange. A message that cannot
/// become a case is dead-lettered with its reason, and the station is told why.
/// </summary>
public sealed class IncidentReferredConsumerDefinition : ConsumerDefinition<IncidentReferredConsumer>
{
    public const string Queue = "referral-intake";
    private readonly BusOptions _bus;

    public IncidentReferredConsumerDefinition(IOptions<BusOptions> bus)
    {
        _bus = bus.Value;
        EndpointName = Queue;
        ConcurrentMessageLimit = _bus.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IncidentReferredConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
        endpointConfigurator.PrefetchCount = _bus.PrefetchCount;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Bind(_bus.RawReferralExchange, x => x.ExchangeType = "fanout");
            if (_bus.QueueType == QueueType.Quorum) rabbit.SetQuorumQueue();
        }
        endpointConfigurator.ThrowOnSkippedMessages();
        // A Fault<IncidentReferred> would carry the parties unmasked onto the bus; the station gets ReferralRejected instead.
        endpointConfigurator.PublishFaults = false;
        endpointConfigurator.ConfigureError(x => x.UseFilter(new DeadLetterFilter(context, Queue, TellStationItWasMalformedAsync)));
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<ReferralValidationException>();
            r.Handle<Exception>(DbErrors.IsTransient);
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        });
    }

    /// <summary>
    /// A body that is not JSON, or holds a value of the wrong type, never reaches the consumer: the
    /// station still gets its <see cref="ReferralRejected"/>, naming the field where it can.
    /// </summary>
    private static async Task TellStationItWasMalformedAsync(ExceptionReceiveContext context, MessageDeadLettered notice)
    {
        if (Find<ReferralValidationException>(context.Exception) is not null) return;
        var json = Find<JsonException>(context.Exception);
        if (json is null && Find<System.Runtime.Serialization.SerializationException>(context.Exception) is null) return;
        var field = json is null ? "body" : Problems.FieldOf(json);
        var endpoint = await context.PublishEndpointProvider.GetPublishSendEndpoint<ReferralRejected>();
        await endpoint.Send(new ReferralRejected
        {
            IncidentNumber = notice.IncidentNumber,
            StationCode = notice.StationCode,
            ReferralMessageId = notice.MessageId,
            Errors = new Dictionary<string, string[]> { [field] = [ErrorText.Format("malformed")] },
            RejectedAt = notice.FailedAt,
        }, context.CancellationToken);
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
