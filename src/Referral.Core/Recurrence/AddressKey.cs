using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Referral.Core.Reference;
using Referral.Core.Routing;

namespace Referral.Core.Recurrence;

/// <summary>
/// An address as recurrence compares it: the village or community it lies in (when one is recognised)
/// and the rest of it after normalisation, with how precise that rest is. Two addresses are the same
/// place when their keys are equal; whether that place is a dwelling depends on <see cref="Precision"/>.
/// </summary>
/// <param name="AreaCode">The area found by the case's area code or by a name in the address; null when none is.</param>
/// <param name="Local">What follows the area's name (or the street's prefix): <c>3组12号</c>; empty for the area itself.</param>
public sealed partial record AddressKey(string? AreaCode, string Local, AddressPrecision Precision)
{
    /// <summary>What is fingerprinted.</summary>
    public string Value => $"{AreaCode}|{Local}";

    /// <summary>The key of an address; null for an empty one.</summary>
    /// <param name="areaCode">The case's area code, if the referral named one; party addresses have none.</param>
    public static AddressKey? Of(string? address, string? areaCode, IReadOnlyList<Area> areas)
    {
        if (string.IsNullOrWhiteSpace(address)) return null;
        var text = Normalize(address);
        if (text.Length == 0) return null;
        var area = AreaResolver.Resolve(areaCode, address, areas)?.Area;
        var local = area is null ? null : AfterName(text, area);
        local ??= StreetPrefix().Replace(text, "", 1);
        return new AddressKey(area?.Code, local, PrecisionOf(local));
    }

    /// <summary>
    /// Full-width forms folded (NFKC), lower case, spaces and punctuation removed — a dash is kept
    /// between digits (5-2-1302) — and Chinese numerals before a marker written as digits (三组十二号 → 3组12号).
    /// </summary>
    public static string Normalize(string address)
    {
        var folded = address.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) kept.Append(char.ToLowerInvariant(c));
            else if (c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '~') kept.Append('-');
        }
        var text = LooseDash().Replace(kept.ToString(), "");
        return ChineseNumeral().Replace(text, m => ChineseNumber(m.Groups["n"].Value).ToString(CultureInfo.InvariantCulture) + m.Groups["marker"].Value);
    }

    /// <summary>How precise an address is, from its normalised text.</summary>
    public static AddressPrecision PrecisionOf(string normalized) =>
        Room().IsMatch(normalized) ? AddressPrecision.Room
        : Unit().IsMatch(normalized) ? AddressPrecision.Unit
        : House().IsMatch(normalized) ? AddressPrecision.House
        : AddressPrecision.Coarse;

    /// <summary>The text after the first (longest) of the area's names it contains; null when it names none.</summary>
    private static string? AfterName(string text, Area area)
    {
        var name = area.Names().Select(Normalize).Where(n => n.Length > 0 && text.Contains(n, StringComparison.Ordinal))
            .OrderByDescending(n => n.Length).FirstOrDefault();
        return name is null ? null : text[(text.IndexOf(name, StringComparison.Ordinal) + name.Length)..];
    }

    private static int ChineseNumber(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        static int Digit(char c) => c switch { '〇' => 0, '两' => 2, _ => digits.IndexOf(c, StringComparison.Ordinal) };
        if (numeral.All(c => Digit(c) >= 0)) return int.Parse(string.Concat(numeral.Select(Digit)), CultureInfo.InvariantCulture);
        int total = 0, current = 0;
        foreach (var c in numeral)
        {
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) current = Digit(c);
            else
            {
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + current;
    }

    private const string Markers = "组|号|幢|栋|单元|室|弄|楼|座|户";

    [GeneratedRegex(@"(?<!\d)-|-(?!\d)")]
    private static partial Regex LooseDash();

    [GeneratedRegex($"(?<n>[零〇一二两三四五六七八九十百千]{{1,6}})(?<marker>{Markers})")]
    private static partial Regex ChineseNumeral();

    /// <summary>"慈溪市古塘街道" and the like before a street that no area name is found in.</summary>
    [GeneratedRegex(@"^\w{0,12}?(街道|镇)")]
    private static partial Regex StreetPrefix();

    [GeneratedRegex(@"\d+[a-z]?(室|户)|(单元|幢|栋|座|号楼)\d{3,5}$|\d+-\d+-\d+")]
    private static partial Regex Room();

    [GeneratedRegex(@"\d+单元")]
    private static partial Regex Unit();

    /// <summary>A 门牌号, but not a gate (1号门), an exit, a line, bridge, road or lane named by a number, nor a compound (号院).</summary>
    [GeneratedRegex(@"\d+[a-z]?号(?!门(?!面|市)|口|线|桥|路|街|道|巷|弄|院)|[0-9a-z]+(幢|栋|座)|\d+-\d+")]
    private static partial Regex House();
}
