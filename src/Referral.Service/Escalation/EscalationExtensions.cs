using Referral.Core.Deadlines;

namespace Referral.Service.Escalation;

public static class EscalationExtensions
{
    public static IHostApplicationBuilder AddEscalation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Deadlines: the windows are invalid (see DeadlineOptions.Validate)").ValidateOnStart();
        builder.Services.AddSingleton<CaseSchedule>();
        builder.Services.AddSingleton<EscalationSweep>();
        return builder;
    }
}
