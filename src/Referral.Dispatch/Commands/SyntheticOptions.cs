using System.CommandLine;
using System.Globalization;

namespace Referral.Dispatch.Commands;

/// <summary>What the commands that invent referrals (load, generate-csv) share.</summary>
internal static class SyntheticOptions
{
    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed of the generator: the same seed (and prefix) gives the same referrals (default: random, printed)",
        DefaultValueFactory = _ => Random.Shared.Next(),
    };

    /// <summary>Incident numbers the service accepts: letters, digits and - _ /.</summary>
    public static string? PrefixProblem(string? prefix, int maxLength)
    {
        if (string.IsNullOrEmpty(prefix)) return "--prefix must not be empty";
        if (prefix.Length > maxLength) return $"--prefix must be at most {maxLength} characters";
        return prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')
            ? null
            : "--prefix may contain only letters, digits and - _ /";
    }

    public static string IncidentNumber(string prefix, int n) => $"{prefix}-{n.ToString("D7", CultureInfo.InvariantCulture)}";
}
