using System.ComponentModel.DataAnnotations;
namespace Referral.Service.Cases;

/// <summary>The trajectory's seal (section <c>Timeline</c>).</summary>
public sealed class TimelineOptions
{
    public const string Section = "Timeline";

    /// <summary>
    /// The HMAC key that seals every timeline entry (docs/security.md). Kept outside the database; the
    /// same on every instance; changing it makes every entry sealed under the old key fail verification.
    /// </summary>
    [Required, MinLength(Core.Cases.Chain.ChainKey.MinimumLength)]
    public string ChainKey { get; set; } = "";
}
