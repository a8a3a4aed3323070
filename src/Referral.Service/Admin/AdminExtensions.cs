using Referral.Service.Identity;
using Referral.Service.Reference;

namespace Referral.Service.Admin;

public static class AdminExtensions
{
    /// <summary>The admin's changes to reference data, API keys and accounts, for the admin API and pages.</summary>
    public static IHostApplicationBuilder AddAdministration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReferenceAdmin>();
        builder.Services.AddScoped<ApiKeys>();
        builder.Services.AddScoped<UserAdmin>();
        builder.Services.AddLocalization();
        return builder;
    }
}
