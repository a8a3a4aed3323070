using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Referral.Core.Cases.Chain;

namespace Referral.Service.Cases;

public static class CasesExtensions
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseListQuery>();
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<Actions.CaseActionRunner>();
        builder.Services.AddOptions<TimelineOptions>().BindConfiguration(TimelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => new ChainKey(sp.GetRequiredService<IOptions<TimelineOptions>>().Value.ChainKey));
        builder.Services.AddSingleton<CaseEventsHook>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<CaseEventsHook>());
        builder.Services.AddScoped<PartyReveal>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCaseEndpoints();
        app.MapCaseActionEndpoints();
        return app;
    }
}
