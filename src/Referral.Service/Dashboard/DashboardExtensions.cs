namespace Referral.Service.Dashboard;

public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Statistics>();
        builder.Services.AddScoped<DemoHistory>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app) => StatisticsEndpoints.Map(app);
}
