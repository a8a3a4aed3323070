namespace Referral.Core.Cases;

/// <summary>How a case was closed.</summary>
public enum CaseOutcome
{
    /// <summary>调解成功: an agreement was reached.</summary>
    AgreementReached,
    /// <summary>Resolved in another way.</summary>
    ResolvedOtherwise,
    /// <summary>Not resolvable here: referred to court, arbitration or petition.</summary>
    NotResolvable,
    /// <summary>The parties withdrew.</summary>
    Withdrawn,
}

public static class CaseOutcomeExtensions
{
    /// <summary>Counts as resolved in the statistics (化解).</summary>
    public static bool IsResolved(this CaseOutcome outcome) =>
        outcome is CaseOutcome.AgreementReached or CaseOutcome.ResolvedOtherwise;

    public static string ChineseName(this CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.AgreementReached => "调解成功",
        CaseOutcome.ResolvedOtherwise => "其他方式化解",
        CaseOutcome.NotResolvable => "无法调解（转诉讼/仲裁/信访）",
        CaseOutcome.Withdrawn => "撤回",
        _ => outcome.ToString(),
    };
}
