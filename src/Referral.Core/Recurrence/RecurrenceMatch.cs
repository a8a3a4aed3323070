using Referral.Core.Grading;
using Referral.Core.Privacy;

namespace Referral.Core.Recurrence;

/// <summary>
/// Why a referral is a recurrence of an earlier case: what matched (same phone, same ID number, same
/// dwelling — or a possible link the coordinator confirmed), shown masked, and which case.
/// </summary>
/// <param name="Basis">The fingerprint that matched; <see cref="FingerprintKind.CoarseAddress"/> only for a confirmed possible link.</param>
/// <param name="MaskedValue">The matched value as lists show it: 138****1234, 330282********1234, 慈溪市古塘街道塘****.</param>
public sealed record RecurrenceMatch(Guid EarlierCaseId, string EarlierIncidentNumber, FingerprintKind Basis, string MaskedValue)
{
    public const string FactorCode = "recurrence";

    /// <summary>What matched, in words (the <c>matchedOn</c> of the timeline entries).</summary>
    public string MatchedOn => Basis switch
    {
        FingerprintKind.Phone => "当事人电话",
        FingerprintKind.IdNumber => "当事人身份证号",
        FingerprintKind.Dwelling => "住址",
        _ => "地址（经矛调中心确认）",
    };

    private string MatchedOnEn => Basis switch
    {
        FingerprintKind.Phone => "same phone",
        FingerprintKind.IdNumber => "same ID number",
        FingerprintKind.Dwelling => "same dwelling",
        _ => "same place, confirmed by the center",
    };

    /// <summary>On the later case: 与案件 GT… 的当事人电话相同（138****1234）.</summary>
    public string OnLater() => Basis == FingerprintKind.CoarseAddress
        ? $"经矛调中心确认，与案件 {EarlierIncidentNumber} 为同一纠纷（地址 {MaskedValue}）"
        : $"与案件 {EarlierIncidentNumber} 的{MatchedOn}相同（{MaskedValue}）";

    /// <summary>On the earlier case, naming the later one.</summary>
    public string OnEarlier(string laterIncidentNumber) => Basis == FingerprintKind.CoarseAddress
        ? $"经矛调中心确认，新流转案件 {laterIncidentNumber} 与本案为同一纠纷（地址 {MaskedValue}）"
        : $"新流转案件 {laterIncidentNumber} 的{MatchedOn}与本案相同（{MaskedValue}）";

    /// <summary>The red grading factor the match gives the later case.</summary>
    public GradingFactor Factor() =>
        new(FactorCode, WarningColor.Red, $"纠纷再次发生：{OnLater()} (recurrence: {MatchedOnEn} as case {EarlierIncidentNumber})");
}

/// <summary>An earlier case in the window at the same coarse address with the same dispute type: for the coordinator to confirm or dismiss.</summary>
/// <param name="MaskedAddress">The shared address, masked.</param>
public sealed record PossibleLinkMatch(Guid EarlierCaseId, string EarlierIncidentNumber, string MaskedAddress, DateTimeOffset EarlierOccurredAt);
