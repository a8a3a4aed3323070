namespace Referral.Service.Routing;

public static class RoutingExtensions
{
    public static IHostApplicationBuilder AddRoutingRules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RoutingRules>();
        return builder;
    }
}
