namespace Referral.Service.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the Gutang demo data into an empty database (the embedded default does).</summary>
    public bool Seed { get; set; }

    /// <summary>
    /// Also create about 400 past cases over the last 24 months (<c>Dashboard/DemoHistory</c>), so that the
    /// dashboard has figures to show: <c>dotnet run --project src/Referral.Service --Demo:History=true</c>.
    /// Only into a database without cases, and only with <see cref="Seed"/>. Off by default.
    /// </summary>
    public bool History { get; set; }

    /// <summary>Password of every demo user.</summary>
    public string Password { get; set; } = "Demo!2026";

    /// <summary>API key of the demo station's dispatch system.</summary>
    public string StationApiKey { get; set; } = "demo-gutang-key";
}
