using MassTransit;
using Microsoft.Extensions.Options;
using Referral.Service.Intake;
using Referral.Service.Notifications;

namespace Referral.Service.Messaging;

public static class MessagingExtensions
{
    /// <summary>MassTransit on the configured transport, with our outbox relay and inbox.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var transport = builder.Configuration.GetSection(BusOptions.Section).GetValue<BusTransport?>(nameof(BusOptions.Transport))
                        ?? BusTransport.InMemory;

        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConsumer<IncidentReferredConsumer, IncidentReferredConsumerDefinition>();
            x.AddConsumer<CaseNotificationConsumer, CaseNotificationConsumerDefinition>();
            x.AddConsumer<RoutedCaseNotificationConsumer, RoutedCaseNotificationConsumerDefinition>();
            if (transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var o = context.GetRequiredService<IOptions<BusOptions>>().Value;
                    cfg.Host(o.Host, o.Port, o.VirtualHost, h =>
                    {
                        h.Username(o.Username);
                        h.Password(o.Password);
                        h.PublisherConfirmation = true;
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxWriter>();
        builder.Services.AddSingleton<DeadLetterWriter>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}
