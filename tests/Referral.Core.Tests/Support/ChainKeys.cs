using Referral.Core.Cases.Chain;

namespace Referral.Core.Tests.Support;

internal static class ChainKeys
{
    /// <summary>The key the save hook would seal with, for tests that look at sealed entries.</summary>
    public static readonly ChainKey Test = new("core-tests-chain-key-0123456789abcdef");
}
