using Referral.Service.Mail;

namespace Referral.Service.Notifications;

public static class NotificationExtensions
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Recipients>();
        builder.Services.AddScoped<CaseNotices>();
        builder.Services.AddScoped<EmailRenderer>();
        return builder;
    }
}
