using System.Globalization;

namespace Referral.Core.Privacy;

/// <summary>Resident identity card numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class IdCardNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public enum Problem { None, Length, Characters, BirthDate, BirthInFuture, CheckDigit }

    /// <summary>
    /// Upper-cases the trailing x and trims; returns the problem when the number is invalid. A birth
    /// date after <paramref name="today"/> is refused like a wrong check digit: nobody is born later.
    /// </summary>
    /// <param name="today">The latest calendar date anywhere now (see <see cref="LatestDate"/>).</param>
    public static Problem Check(string text, DateOnly today, out string normalized)
    {
        normalized = text.Trim().ToUpperInvariant();
        if (normalized.Length != 18) return Problem.Length;
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(normalized[i])) return Problem.Characters;
        if (!char.IsAsciiDigit(normalized[17]) && normalized[17] != 'X') return Problem.Characters;
        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
            return Problem.BirthDate;
        if (birth > today) return Problem.BirthInFuture;
        return normalized[17] == CheckCharacterOf(normalized) ? Problem.None : Problem.CheckDigit;
    }

    /// <summary>
    /// The date it already is somewhere (UTC+14) at <paramref name="now"/>: a birth date after it is in the
    /// future wherever the party was born, so no time zone can make a valid number fail.
    /// </summary>
    public static DateOnly LatestDate(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime.AddHours(14));

    public static char CheckCharacterOf(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17Digits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
