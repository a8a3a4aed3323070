using System.Text.RegularExpressions;

namespace Referral.Core.Privacy;

/// <summary>Mainland China mobile numbers: 11 digits starting 13–19, optionally written with +86.</summary>
public static partial class MobileNumber
{
    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Shape();

    /// <summary>The 11-digit number, or null when the text is not a mainland mobile number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return Shape().IsMatch(digits) ? digits : null;
    }
}
