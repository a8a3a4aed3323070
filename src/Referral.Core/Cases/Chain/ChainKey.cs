using System.Security.Cryptography;
using System.Text;

namespace Referral.Core.Cases.Chain;

/// <summary>
/// The secret that seals the trajectory: each entry's hash is an HMAC-SHA256 under it. It is kept
/// outside the database (configuration or a secret store), so someone who can write the database
/// cannot recompute the hashes of entries they altered.
/// </summary>
public sealed class ChainKey
{
    public const int MinimumLength = 32;
    private readonly byte[] _key;

    public ChainKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumLength)
            throw new ArgumentException($"the chain key must have at least {MinimumLength} characters", nameof(secret));
        _key = Encoding.UTF8.GetBytes(secret);
    }

    public string Sign(string canonical) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)));
}
