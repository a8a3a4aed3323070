namespace Referral.Service.Coordination;

public static class CoordinationExtensions
{
    /// <summary>The mediation center's pages (triage, open cases, red list): their text comes from resource files.</summary>
    public static IHostApplicationBuilder AddCoordination(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        return builder;
    }
}
