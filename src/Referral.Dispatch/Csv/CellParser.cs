using System.Globalization;

namespace Referral.Dispatch.Csv;

/// <summary>Reads typed cells. An empty cell is "not stated" (null); a cell that cannot be read is a problem.</summary>
internal static class CellParser
{
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mmzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    /// <summary>ISO 8601 with an offset (+08:00) or Z; a time without one is refused, as it names no instant.</summary>
    public static DateTimeOffset? Time(string text, out string? problem)
    {
        problem = null;
        if (text.Length == 0) return null;
        var invariant = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(text, OffsetFormats, invariant, DateTimeStyles.None, out var withOffset)) return withOffset;
        if (DateTimeOffset.TryParseExact(text, UtcFormats, invariant, DateTimeStyles.AssumeUniversal, out var utc)) return utc;
        problem = $"'{text}' is not an ISO 8601 time with an offset, e.g. 2025-03-01T14:30:00+08:00";
        return null;
    }

    public static int? WholeNumber(string text, out string? problem)
    {
        problem = null;
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        problem = $"'{text}' is not a whole number";
        return null;
    }

    public static decimal? Amount(string text, out string? problem)
    {
        problem = null;
        if (text.Length == 0) return null;
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out var value))
            return value;
        problem = $"'{text}' is not an amount in yuan, e.g. 12000 or 12000.50";
        return null;
    }

    public static bool? YesNo(string text, out string? problem)
    {
        problem = null;
        if (text.Length == 0) return null;
        var word = text.ToLowerInvariant();
        if (CsvSchema.TrueWords.Contains(word)) return true;
        if (CsvSchema.FalseWords.Contains(word)) return false;
        problem = $"'{text}' is not yes or no (true/false, 1/0, 是/否)";
        return null;
    }
}
