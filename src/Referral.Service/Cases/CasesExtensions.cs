namespace Referral.Service.Cases;

public static class CasesExtensions
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseListQuery>();
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<CaseWorkflow>();
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
