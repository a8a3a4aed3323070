using Referral.Dispatch.Commands;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;

namespace Referral.Benchmarks.Pipeline;

/// <summary>The dispatch client's synthetic referrals (as <c>referral-dispatch load</c> makes them), prepared before any clock starts.</summary>
internal static class SyntheticLoad
{
    public const string Station = "gutang";

    public static IReadOnlyList<OutgoingReferral> Make(string prefix, int count, int seed)
    {
        var generator = new SyntheticReferrals(seed, TimeProvider.System, TimeSpan.FromDays(30));
        return Enumerable.Range(1, count)
            .Select(n => OutgoingReferral.Of(generator.Next(SyntheticOptions.IncidentNumber(prefix, n), Station), Station))
            .ToList();
    }
}
