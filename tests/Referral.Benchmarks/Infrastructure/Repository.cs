namespace Referral.Benchmarks.Infrastructure;

/// <summary>Where the repository and the service's build output are, seen from this program's build output.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration this program was built in, which built the service too.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string ServiceOutput => Path.Combine(Root, "src", "Referral.Service", "bin", Configuration, "net10.0");

    /// <summary>Outside the solution's test projects the test host cannot guess the service's content root: point it there.</summary>
    public static void PointTestHostAtService() =>
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_REFERRAL_SERVICE", Path.Combine(Root, "src", "Referral.Service"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Referral.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from within the repository (Referral.sln not found above the program)");
    }
}
