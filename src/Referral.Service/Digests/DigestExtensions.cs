namespace Referral.Service.Digests;

public static class DigestExtensions
{
    public static IHostApplicationBuilder AddDigests(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateOnStart();
        builder.Services.AddScoped<DigestQueries>();
        builder.Services.AddScoped<DigestService>();
        return builder;
    }
}
