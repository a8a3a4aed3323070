using MassTransit;
using Referral.Service.Messaging;

namespace Referral.Service.Notifications;

public sealed class CaseNotificationConsumerDefinition : ConsumerDefinition<CaseNotificationConsumer>
{
    public const string Queue = "referral-notifications";

    public CaseNotificationConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CaseNotificationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseReferralResilience(context, Queue);
    }
}
