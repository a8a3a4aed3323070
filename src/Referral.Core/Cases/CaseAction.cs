namespace Referral.Core.Cases;

/// <summary>What can happen to a case. The first group is done by people; the rest by the system.</summary>
public enum CaseAction
{
    Assign,
    Accept,
    Reject,
    RecordProgress,
    RequestCoHandling,
    Transfer,
    ChangeColor,
    Hold,
    Resume,
    Close,
    Reopen,
    RecordFollowUp,
    FlagTurnedCriminal,
    ConfirmLink,
    DismissLink,

    Refer,
    Route,
    SendToTriage,
    Grade,
    LinkRecurrence,
    Amend,
    Escalate,
    Warn,
    SuggestLink,
}

public enum ProgressKind
{
    /// <summary>电话</summary>
    Call,
    /// <summary>走访</summary>
    Visit,
    /// <summary>调解</summary>
    MediationSession,
    /// <summary>其他</summary>
    Other,
}

public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public static class CaseActionNames
{
    /// <summary>The name used in URLs and the timeline: <c>record-progress</c>.</summary>
    public static string Slug(this CaseAction action) => action switch
    {
        CaseAction.RecordProgress => "record-progress",
        CaseAction.RequestCoHandling => "request-co-handling",
        CaseAction.ChangeColor => "change-color",
        CaseAction.RecordFollowUp => "follow-up",
        CaseAction.FlagTurnedCriminal => "flag-turned-criminal",
        CaseAction.SendToTriage => "send-to-triage",
        CaseAction.LinkRecurrence => "link-recurrence",
        CaseAction.ConfirmLink => "confirm-link",
        CaseAction.DismissLink => "dismiss-link",
        CaseAction.SuggestLink => "suggest-link",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static string ChineseName(this CaseAction action) => action switch
    {
        CaseAction.Assign => "分派",
        CaseAction.Accept => "签收",
        CaseAction.Reject => "退回",
        CaseAction.RecordProgress => "反馈进展",
        CaseAction.RequestCoHandling => "邀请协办",
        CaseAction.Transfer => "转办",
        CaseAction.ChangeColor => "调整预警",
        CaseAction.Hold => "暂停",
        CaseAction.Resume => "恢复办理",
        CaseAction.Close => "办结",
        CaseAction.Reopen => "重新打开",
        CaseAction.RecordFollowUp => "回访",
        CaseAction.FlagTurnedCriminal => "标记民转刑",
        CaseAction.ConfirmLink => "确认关联",
        CaseAction.DismissLink => "排除关联",
        CaseAction.Refer => "流转",
        CaseAction.Route => "分流",
        CaseAction.SendToTriage => "转入待分派",
        CaseAction.Grade => "定级",
        CaseAction.LinkRecurrence => "关联重复纠纷",
        CaseAction.Amend => "补充更正",
        CaseAction.Escalate => "升级预警",
        CaseAction.Warn => "临期提醒",
        CaseAction.SuggestLink => "发现可能关联",
        _ => action.ToString(),
    };
}
