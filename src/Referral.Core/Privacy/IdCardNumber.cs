using System.Globalization;

namespace Referral.Core.Privacy;

/// <summary>Resident identity card numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public enum Problem { None, Length, Characters, BirthDate, CheckDigit }

    /// <summary>Upper-cases the trailing x and trims; returns the problem when the number is invalid.</summary>
    public static Problem Check(string text, out string normalized)
    {
        normalized = text.Trim().ToUpperInvariant();
        if (normalized.Length != 18) return Problem.Length;
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(normalized[i])) return Problem.Characters;
        if (!char.IsAsciiDigit(normalized[17]) && normalized[17] != 'X') return Problem.Characters;
        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
            return Problem.BirthDate;
        return normalized[17] == CheckCharacterOf(normalized) ? Problem.None : Problem.CheckDigit;
    }

    public static char CheckCharacterOf(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
