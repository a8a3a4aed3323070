using Microsoft.Extensions.Options;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Service.Reference;

namespace Referral.Service.Intake;

public static class IntakeExtensions
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton(sp => new GradingPolicy(sp.GetRequiredService<IOptions<GradingOptions>>().Value));
        builder.Services.AddSingleton(sp =>
            new Fingerprints(System.Text.Encoding.UTF8.GetBytes(sp.GetRequiredService<IOptions<IntakeOptions>>().Value.FingerprintKey)));
        builder.Services.AddSingleton(sp =>
        {
            var intake = sp.GetRequiredService<IOptions<IntakeOptions>>().Value;
            return new RecurrenceRule(intake.RecurrenceWindow, intake.DwellingPrecision, intake.PossibleLinkLimit);
        });
        builder.Services.AddSingleton<ReferenceDataCache>();
        builder.Services.AddScoped<ReferralIntake>();
        return builder;
    }
}
