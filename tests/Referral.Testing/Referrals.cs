using System.Globalization;
using Referral.Contracts;
using Referral.Core.Privacy;

namespace Referral.Testing;

/// <summary>Valid referrals for tests, with real-looking phones and ID numbers that pass their checks.</summary>
public static class Referrals
{
    private static int _counter;

    public static string NewIncidentNumber(string prefix = "T") =>
        $"{prefix}{DateTime.UtcNow:yyyyMMdd}-{Interlocked.Increment(ref _counter):D5}-{Random.Shared.Next(1000, 9999)}";

    public static IncidentReferred Valid(string? incidentNumber = null, string disputeType = "婚恋情感", string address = "慈溪市古塘街道塘东村3组12号",
        RiskInfo? risk = null, string? phone = null, string? idNumber = null) => new()
    {
        IncidentNumber = incidentNumber ?? NewIncidentNumber(),
        StationCode = "gutang",
        OccurredAt = DateTimeOffset.UtcNow.AddHours(-3),
        Address = address,
        DisputeType = disputeType,
        Summary = "双方因琐事多次发生争吵，民警到场后认为仍存在再次激发可能性。",
        PoliceAction = "民警到场劝解，当事人情绪稳定后离开。",
        OfficerName = "潘警官",
        Parties =
        [
            new PartyInfo { Name = "王小明", Gender = "男", Phone = phone ?? Phone(), IdNumber = idNumber ?? IdNumber(), Role = "当事人" },
            new PartyInfo { Name = "李晓红", Gender = "女", Phone = Phone(), Role = "当事人" },
        ],
        Risk = risk ?? new RiskInfo { PoliceCallsLast30Days = 1 },
    };

    /// <summary>
    /// A dwelling in the village that no other referral of the run has. Referrals sharing a dwelling
    /// are linked as recurrences (and turn red), so tests that look at colors need their own.
    /// </summary>
    public static string UniqueAddress(string village = "塘东村") =>
        $"慈溪市古塘街道{village}{Interlocked.Increment(ref _counter)}弄{Random.Shared.Next(1, 100_000)}号";

    /// <summary>
    /// A place name no other of the process has (桂兰松…: characters that are neither numerals nor address
    /// markers), for coarse addresses of a test's own — a street 古塘街道{name}街, an estate 古塘街道{name}小区 —
    /// because referrals of the same type sharing a coarse address are possible links of each other.
    /// </summary>
    public static string UniqueName()
    {
        const string characters = "桂兰松柏竹梅菊荷莲桃李杏枫榆槐柳杉桑橙橘";
        var n = Interlocked.Increment(ref _counter) + characters.Length * characters.Length;
        var name = new System.Text.StringBuilder();
        for (; n > 0; n /= characters.Length) name.Insert(0, characters[n % characters.Length]);
        return name.ToString();
    }

    /// <summary>A random mainland mobile number.</summary>
    public static string Phone() => "13" + Random.Shared.Next(0, 10) + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A random ID number of a Cixi resident with a valid birth date and check digit.</summary>
    public static string IdNumber()
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000));
        var first17 = "330282" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        return first17 + IdCardNumber.CheckCharacterOf(first17);
    }
}
