using MassTransit;
using Microsoft.Extensions.Options;
using Referral.Core.Intake;
using Referral.Data;
using Referral.Service.Messaging;

namespace Referral.Service.Intake;

/// <summary>
/// The <c>referral-intake</c> queue: MassTransit envelopes and raw JSON (content type
/// <c>application/json</c>) from the <c>referral.incoming</c> fanout exchange.
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
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<ReferralValidationException>();
            r.Handle<Exception>(DbErrors.IsTransient);
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        });
    }
}
