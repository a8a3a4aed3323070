using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>A referral whose party or address matches a case this recent is a recurrence (red, linked).</summary>
    public TimeSpan RecurrenceWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// Key of the keyed hashes that compare phones, ID numbers and addresses (at least 32 characters).
    /// Changing it forgets earlier fingerprints, so recurrences of older cases are no longer found.
    /// </summary>
    [Required, MinLength(32)]
    public string FingerprintKey { get; set; } = "";
}
