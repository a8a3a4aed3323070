using Referral.Core.Cases;

namespace Referral.Service.Cases;

/// <summary>Why an action was refused, in the same words on the API (409/403 detail) and on the case page.</summary>
public static class CaseActionText
{
    public const string Stale = "案件已被他人修改，请在最新状态上重试 (the case changed meanwhile; try again on its current state).";
    public const string UnknownDepartment = "未知的部门代码 (unknown department)";
    public const string EarlierCaseRequired = "必填：可能关联的较早案件 (required: the earlier case of the possible link)";

    public static string NotAllowed(CaseActionNotAllowedException ex) =>
        $"当前状态「{ex.Status.ChineseName()}」下不能{ex.Action.ChineseName()} ({ex.Message}).";

    public static string Forbidden(CaseActionForbiddenException ex) => $"您无权{ex.Action.ChineseName()}此案件 ({ex.Message}).";

    /// <summary>The domain's message without the field name it starts with.</summary>
    public static string Input(CaseInputException ex) => ex.Message[(ex.Field.Length + 2)..];
}
