namespace Referral.Service.Cases;

public static class CasesExtensions
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<CaseWorkflow>();
        builder.Services.AddScoped<CaseListQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        app.MapCaseEndpoints();
        app.MapCaseActionEndpoints();
        return app;
    }
}
