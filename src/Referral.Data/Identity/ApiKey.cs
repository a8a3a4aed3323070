namespace Referral.Data.Identity;

/// <summary>A station system's API key. Only a SHA-256 hash of the key is stored; a key can be revoked.</summary>
public sealed class ApiKey
{
    public long Id { get; private set; }
    public required string StationCode { get; init; }
    public required string Name { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in lists.</summary>
    public required string Prefix { get; init; }

    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
