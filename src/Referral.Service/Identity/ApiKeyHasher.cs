using System.Security.Cryptography;
using System.Text;

namespace Referral.Service.Identity;

/// <summary>
/// API keys are random and long, so one SHA-256 is enough to store them safely (no password
/// stretching needed) and lets a key be found by its hash in one indexed lookup.
/// </summary>
public static class ApiKeyHasher
{
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "rk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');

    public static string PrefixOf(string key) => key.Length <= 8 ? key : key[..8];
}
