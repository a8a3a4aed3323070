using System.Security.Cryptography;
using System.Text;

namespace Referral.Dispatch.Referrals;

/// <summary>
/// Message ids derived from content, so that a row re-sent after a crash or on resume carries the id it
/// had the first time and the service's inbox recognises it; a changed body gets a new id.
/// </summary>
internal static class MessageIds
{
    public static Guid For(string stationCode, string incidentNumber, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A NUL separator keeps ("ab", "c") and ("a", "bc") apart; neither code may contain one.
        sha.AppendData(Encoding.UTF8.GetBytes(stationCode));
        sha.AppendData([0]);
        sha.AppendData(Encoding.UTF8.GetBytes(incidentNumber));
        sha.AppendData([0]);
        sha.AppendData(body);
        Span<byte> bytes = stackalloc byte[32];
        sha.GetHashAndReset(bytes);
        var uuid = bytes[..16];
        // Mark it an RFC 9562 version 8 (custom) UUID so tools read it as a well-formed GUID.
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x80);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
