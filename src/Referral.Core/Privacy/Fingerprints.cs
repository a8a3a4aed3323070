using System.Security.Cryptography;
using System.Text;

namespace Referral.Core.Privacy;

public enum FingerprintKind
{
    Phone,
    IdNumber,
    Address,
}

/// <summary>
/// Keyed hashes (HMAC-SHA256) of a party's phone, ID number and address, so that recurrences can
/// be found without comparing or indexing personal data in plain text.
/// </summary>
public sealed class Fingerprints(byte[] key)
{
    public string Of(FingerprintKind kind, string normalizedValue)
    {
        var data = Encoding.UTF8.GetBytes($"{kind}:{normalizedValue}");
        return Convert.ToHexString(HMACSHA256.HashData(key, data));
    }

    /// <summary>Addresses match when they are the same after removing spaces and punctuation.</summary>
    public static string NormalizeAddress(string address) =>
        new(address.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
