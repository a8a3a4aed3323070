using Microsoft.Extensions.Options;

namespace Referral.Service.Mail;

public static class MailExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PickupDirectoryMailSender>();
        builder.Services.AddSingleton<SmtpMailSender>();
        builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Mode == MailMode.Smtp
            ? sp.GetRequiredService<SmtpMailSender>()
            : sp.GetRequiredService<PickupDirectoryMailSender>());
        builder.Services.AddSingleton<MailSignal>();
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddHostedService<MailRelay>();
        return builder;
    }
}
