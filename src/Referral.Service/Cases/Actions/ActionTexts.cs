using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>
/// Why an action was refused, in the same words on the API (problem details) and on the pages. The
/// domain's own messages (a missing reason, text too long) come with its <see cref="CaseInputException"/>.
/// </summary>
public static class ActionTexts
{
    public const string Stale = "案件已被他人修改，请在最新状态上重试 (the case changed meanwhile; try again on its current state).";
    public const string UnknownDepartment = "未知的部门代码 (unknown department)";
    public const string Required = "必填 (required)";
    public const string KindRequired = "必填：call、visit、mediationSession 或 other (required)";
    public const string OutcomeRequired = "必填：agreementReached、resolvedOtherwise、notResolvable 或 withdrawn (required)";
    public const string ColorRequired = "应为 red、yellow 或 green (red, yellow or green)";
    public const string EarlierCaseRequired = "必填：可能关联的较早案件 (required: the earlier case of the possible link)";
    public const string SatisfactionRequired = "必填：satisfied、basicallySatisfied 或 dissatisfied (required)";

    public static string NotAllowed(CaseActionNotAllowedException ex) =>
        $"当前状态「{ex.Status.ChineseName()}」下不能{ex.Action.ChineseName()} ({ex.Message}).";

    public static string Forbidden(CaseActionForbiddenException ex) => $"您无权{ex.Action.ChineseName()}此案件 ({ex.Message}).";
}
