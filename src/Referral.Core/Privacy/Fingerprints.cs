using System.Security.Cryptography;
using System.Text;

namespace Referral.Core.Privacy;

/// <summary>What a fingerprint is of. Stored by name: the kinds are never renumbered.</summary>
public enum FingerprintKind
{
    Phone,
    IdNumber,

    /// <summary>An address precise to a house, building, unit or room (<c>Recurrence.AddressPrecision</c>): the same one is a recurrence.</summary>
    Dwelling,

    /// <summary>An address that names only a street, community, village, estate or landmark: the same one is at most a possible link.</summary>
    CoarseAddress,
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
}
