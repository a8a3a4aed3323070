using MassTransit;
using Referral.Data;
using Referral.Service.Messaging;

namespace Referral.Service.Notifications;

public sealed class CaseNotificationConsumerDefinition : ConsumerDefinition<CaseNotificationConsumer>
{
    public const string Queue = "referral-notifications";

    public CaseNotificationConsumerDefinition() => EndpointName = Queue;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CaseNotificationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConfigureError(x => x.UseFilter(new DeadLetterFilter(context, Queue)));
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<Exception>(DbErrors.IsTransient);
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300));
        });
    }
}
