using MassTransit;
using Microsoft.Extensions.Options;
using Referral.Service.Messaging;

namespace Referral.Service.Notifications;

public sealed class RoutedCaseNotificationConsumerDefinition : ConsumerDefinition<RoutedCaseNotificationConsumer>
{
    public const string Queue = "referral-notifications-routed";
    private readonly NotificationOptions _options;

    public RoutedCaseNotificationConsumerDefinition(IOptions<NotificationOptions> options)
    {
        _options = options.Value;
        EndpointName = Queue;
        ConcurrentMessageLimit = _options.RoutedBatchSize;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RoutedCaseNotificationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 2 * _options.RoutedBatchSize;
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(_options.RoutedBatchSize).SetTimeLimit(_options.RoutedWindow).SetConcurrencyLimit(1));
        endpointConfigurator.UseReferralResilience(context, Queue);
    }
}
