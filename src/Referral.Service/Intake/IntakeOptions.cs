using System.ComponentModel.DataAnnotations;
using Referral.Core.Recurrence;

namespace Referral.Service.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>A referral whose party or dwelling matches a case this recent is a recurrence (red, linked).</summary>
    public TimeSpan RecurrenceWindow { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// How precise an address must be to name a dwelling, whose sharing makes a recurrence: <c>House</c> (a 门牌号
    /// or building, the default), <c>Unit</c> or <c>Room</c>. Coarser addresses are at most possible links.
    /// </summary>
    [AllowedValues(AddressPrecision.House, AddressPrecision.Unit, AddressPrecision.Room,
        ErrorMessage = "Intake:DwellingPrecision must be House, Unit or Room: a street, community or village never names one dwelling")]
    public AddressPrecision DwellingPrecision { get; set; } = AddressPrecision.House;

    /// <summary>At most this many possible links (same coarse address and dispute type) per referral, latest first; 0 turns them off.</summary>
    [Range(0, 20)]
    public int PossibleLinkLimit { get; set; } = 3;

    /// <summary>
    /// Key of the keyed hashes that compare phones, ID numbers and addresses (at least 32 characters).
    /// Changing it forgets earlier fingerprints, so recurrences of older cases are no longer found.
    /// </summary>
    [Required, MinLength(32)]
    public string FingerprintKey { get; set; } = "";
}
