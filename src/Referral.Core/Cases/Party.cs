using Referral.Core.Privacy;

namespace Referral.Core.Cases;

/// <summary>A party to the dispute (当事人). Personal data: shown masked unless revealed with a reason.</summary>
public sealed class Party
{
    public long Id { get; private set; }
    public required string Name { get; init; }
    public string Gender { get; init; } = "未知";
    public string? Phone { get; init; }
    public string? IdNumber { get; init; }
    public string? Address { get; init; }
    public string Role { get; init; } = "当事人";

    public MaskedParty Masked() => new(
        PersonalData.MaskName(Name), Gender, PersonalData.MaskPhone(Phone),
        PersonalData.MaskIdNumber(IdNumber), PersonalData.MaskAddress(Address), Role);
}

/// <summary>What lists, details and digests show of a party.</summary>
public sealed record MaskedParty(string Name, string Gender, string Phone, string IdNumber, string Address, string Role);
