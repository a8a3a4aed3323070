using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Referral.Contracts;
using Referral.Core.Intake;
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
        ConcurrentMessageLimit = _bus.IntakeBatchSize * _bus.IntakeBatchConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IncidentReferredConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
        // A batch fills from what the broker has handed over: prefetch at least two batches per concurrent batch.
        endpointConfigurator.PrefetchCount = Math.Max(_bus.PrefetchCount, 2 * _bus.IntakeBatchSize * _bus.IntakeBatchConcurrency);
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_bus.IntakeBatchSize)
            .SetTimeLimit(_bus.IntakeBatchWait)
            .SetConcurrencyLimit(_bus.IntakeBatchConcurrency));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Bind(_bus.RawReferralExchange, x => x.ExchangeType = "fanout");
            if (_bus.QueueType == QueueType.Quorum) rabbit.SetQuorumQueue();
        }
        endpointConfigurator.UseReferralResilience(context, Queue, TellStationItWasMalformedAsync, r => r.Ignore<ReferralValidationException>());
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
