using System.Globalization;

namespace Referral.Dispatch.Synthetic;

/// <summary>Resident identity card numbers (GB 11643-1999): region, birth date, sequence and check character.</summary>
internal static class IdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Cixi itself, its neighbours, and the provinces many of its migrant workers come from.</summary>
    private static readonly string[] Regions =
    [
        "330282", "330282", "330282", "330282", "330281", "330203", "330212", "330226", "330402",
        "341221", "342401", "522121", "511321", "430524", "412721", "362330",
    ];

    /// <param name="male">The 17th digit is odd for men and even for women.</param>
    public static string Make(Random random, DateOnly birth, bool male)
    {
        var region = Regions[random.Next(Regions.Length)];
        var sequence = random.Next(100) * 10 + random.Next(5) * 2 + (male ? 1 : 0);
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
