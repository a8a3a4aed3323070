using System.Text;
using System.Text.RegularExpressions;

namespace Referral.Core.Privacy;

/// <summary>
/// Masks personal data of dispute parties for lists, details, digests, logs and error queues:
/// 张*, 138****1234, 330282********1234. Unmasked data is only shown through an audited reveal.
/// </summary>
public static partial class PersonalData
{
    /// <summary>Keeps the first character (the family name) only: 张三 → 张*, 欧阳娜娜 → 欧*.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var text = name.Trim();
        var first = System.Globalization.StringInfo.GetNextTextElement(text);
        return first + "*";
    }

    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "";
        var p = phone.Trim();
        return p.Length >= 11 ? p[..3] + "****" + p[^4..] : new string('*', p.Length);
    }

    public static string MaskIdNumber(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "";
        var p = id.Trim();
        return p.Length >= 10 ? p[..6] + new string('*', p.Length - 10) + p[^4..] : new string('*', p.Length);
    }

    /// <summary>Keeps the first characters that name the place (town, community) and hides the rest.</summary>
    public static string MaskAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return "";
        var p = address.Trim();
        var keep = Math.Min(p.Length / 2, 8);
        return p[..keep] + "****";
    }

    /// <summary>Also as people write them: 0086 or +86 in front, grouped 3-4-4 with spaces or dashes.</summary>
    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])")]
    private static partial Regex PhoneInText();

    [GeneratedRegex(@"(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdInText();

    /// <summary>
    /// Masks free text written by officers and handlers: every phone and ID number it contains,
    /// and the names of the parties given.
    /// </summary>
    public static string MaskText(string? text, IEnumerable<string?>? partyNames = null)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var masked = IdInText().Replace(text, m => MaskIdNumber(m.Value));
        masked = PhoneInText().Replace(masked, m => MaskPhone(MobileNumber.Normalize(m.Value) ?? m.Value));
        if (partyNames is null) return masked;
        var builder = new StringBuilder(masked);
        foreach (var name in partyNames.Where(n => !string.IsNullOrWhiteSpace(n) && n!.Trim().Length >= 2)
                     .Select(n => n!.Trim()).Distinct().OrderByDescending(n => n.Length))
            builder.Replace(name, MaskName(name));
        return builder.ToString();
    }

    /// <summary>True when the text still holds something shaped like a phone or ID number.</summary>
    public static bool ContainsUnmaskedNumbers(string text) => PhoneInText().IsMatch(text) || IdInText().IsMatch(text);
}
