using System.Globalization;
using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;

namespace Referral.Core.Cases;

/// <summary>
/// The handling of a case by the center and the departments. Every method checks first (state,
/// role, department, input) and throws before changing anything; then changes the case and
/// appends exactly one timeline entry.
/// </summary>
public sealed partial class Case
{
    /// <summary>分派: the center sends a case in triage to a lead department (and co-handlers).</summary>
    public void Assign(Actor by, string leadDepartmentCode, IReadOnlyList<string> coHandlerCodes, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.Assign, by);
        RequireText(leadDepartmentCode, "leadDepartment", 40);
        var from = Status;
        SendTo(leadDepartmentCode, coHandlerCodes, now);
        Record(by, CaseAction.Assign, from, now, Optional(note, "note"), Departments());
    }

    /// <summary>签收: the lead department takes the case on.</summary>
    public void Accept(Actor by, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.Accept, by);
        var from = Status;
        Status = CaseStatus.Accepted;
        AcceptedAt = now;
        Record(by, CaseAction.Accept, from, now, Optional(note, "note"));
    }

    /// <summary>退回: the lead department sends the case back to the center's triage, with a reason.</summary>
    public void Reject(Actor by, string reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Reject, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        var details = new Dictionary<string, string> { ["rejectedBy"] = LeadDepartmentCode ?? "" };
        Status = CaseStatus.Triage;
        LeadDepartmentCode = null;
        CoHandlerCodes = [];
        AcceptedAt = null;
        RejectCount++;
        Record(by, CaseAction.Reject, from, now, text, details);
    }

    /// <summary>反馈进展: a call, a visit, a mediation session... (日清: one each working day).</summary>
    public void RecordProgress(Actor by, ProgressKind kind, string text, string? nextStep, DateTimeOffset now)
    {
        Ensure(CaseAction.RecordProgress, by);
        var body = RequireText(text, "text", CaseLimits.Note);
        var next = Optional(nextStep, "nextStep");
        var from = Status;
        if (Status == CaseStatus.Accepted) Status = CaseStatus.InProgress;
        LastProgressAt = now;
        var details = new Dictionary<string, string> { ["kind"] = kind.ToString() };
        if (next is not null) details["nextStep"] = next;
        Record(by, CaseAction.RecordProgress, from, now, body, details);
    }

    /// <summary>邀请协办: another department is asked to help.</summary>
    public void RequestCoHandling(Actor by, string departmentCode, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.RequestCoHandling, by);
        RequireText(departmentCode, "department", 40);
        if (departmentCode == LeadDepartmentCode || CoHandlerCodes.Contains(departmentCode))
            throw new CaseInputException("department", "该部门已在办理此案 (the department already handles this case)");
        CoHandlerCodes = [.. CoHandlerCodes, departmentCode];
        Record(by, CaseAction.RequestCoHandling, Status, now, Optional(note, "note"), new() { ["department"] = departmentCode });
    }

    /// <summary>转办: the center moves the case to another lead department, which must accept it anew.</summary>
    public void Transfer(Actor by, string departmentCode, string reason, IWorkingTime workingTime, DateTimeOffset now)
    {
        Ensure(CaseAction.Transfer, by);
        RequireText(departmentCode, "department", 40);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (departmentCode == LeadDepartmentCode)
            throw new CaseInputException("department", "已是主办部门 (the department already leads this case)");
        var from = Status;
        var previous = LeadDepartmentCode;
        EndHold(workingTime, now);
        SendTo(departmentCode, CoHandlerCodes, now);
        Record(by, CaseAction.Transfer, from, now, text, new() { ["from"] = previous ?? "", ["to"] = departmentCode });
    }

    /// <summary>调整预警: the center raises or lowers the color, always with a reason.</summary>
    public void ChangeColor(Actor by, WarningColor color, string reason, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        Ensure(CaseAction.ChangeColor, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (color == Color) throw new CaseInputException("color", $"案件已是{color.ChineseName()}色 (the case is already {color.Code()})");
        var previous = Color;
        MoveClockFor(color, deadlines, now);
        Color = color;
        Record(by, CaseAction.ChangeColor, Status, now, text, new() { ["from"] = previous.Code(), ["to"] = color.Code() });
    }

    /// <summary>暂停: waiting for a party or a court date; the resolve clock pauses.</summary>
    public void Hold(Actor by, string reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Hold, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        Status = CaseStatus.OnHold;
        OnHoldSince = now;
        OnHoldReason = text;
        Record(by, CaseAction.Hold, from, now, text);
    }

    /// <summary>恢复办理: the hold ends; its working time extends the resolve deadline.</summary>
    public void Resume(Actor by, string? note, IWorkingTime workingTime, DateTimeOffset now)
    {
        Ensure(CaseAction.Resume, by);
        var text = Optional(note, "note");
        var from = Status;
        EndHold(workingTime, now);
        Status = CaseStatus.InProgress;
        ResumedAt = now;
        Record(by, CaseAction.Resume, from, now, text);
    }

    /// <summary>办结: closed with an outcome; the referring station is told.</summary>
    public void Close(Actor by, CaseOutcome outcome, string? agreementSummary, IWorkingTime workingTime, DateTimeOffset now)
    {
        Ensure(CaseAction.Close, by);
        var summary = outcome == CaseOutcome.AgreementReached
            ? RequireText(agreementSummary, "agreementSummary", CaseLimits.Note)
            : Optional(agreementSummary, "agreementSummary");
        var from = Status;
        EndHold(workingTime, now);
        Status = CaseStatus.Closed;
        Outcome = outcome;
        AgreementSummary = summary;
        ClosedAt = now;
        FollowUpCalm = null;
        FollowUpSatisfaction = null;
        Record(by, CaseAction.Close, from, now, summary, new() { ["outcome"] = outcome.ToString() });
    }

    /// <summary>回访: the follow-up visit. A dispute that came back reopens the case and raises its color.</summary>
    public void RecordFollowUp(Actor by, bool calm, Satisfaction satisfaction, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.RecordFollowUp, by);
        var text = Optional(note, "note");
        var from = Status;
        FollowUpCalm = calm;
        FollowUpSatisfaction = satisfaction;
        FollowedUpAt = now;
        var details = new Dictionary<string, string> { ["calm"] = calm ? "true" : "false", ["satisfaction"] = satisfaction.ToString() };
        if (calm)
        {
            Status = CaseStatus.FollowedUp;
            Record(by, CaseAction.RecordFollowUp, from, now, text, details);
            return;
        }
        Status = CaseStatus.InProgress;
        Reopened(now);
        Record(by, CaseAction.RecordFollowUp, from, now, text ?? "回访发现纠纷复发，案件重新打开 (the dispute came back; reopened)", details);
    }

    /// <summary>重新打开: the dispute came back; the case goes back to its lead department, one color up.</summary>
    public void Reopen(Actor by, string reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Reopen, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        Status = LeadDepartmentCode is null ? CaseStatus.Triage : CaseStatus.InProgress;
        var previous = Color;
        Reopened(now);
        Record(by, CaseAction.Reopen, from, now, text, new() { ["from"] = previous.Code(), ["to"] = Color.Code() });
    }

    /// <summary>标记民转刑: the dispute turned into a criminal case (the statistic the platform exists to keep at zero).</summary>
    public void FlagTurnedCriminal(Actor by, string reason, DateTimeOffset now)
    {
        Ensure(CaseAction.FlagTurnedCriminal, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (TurnedCriminal) throw new CaseInputException("reason", "已标记为民转刑 (already flagged)");
        TurnedCriminal = true;
        Record(by, CaseAction.FlagTurnedCriminal, Status, now, text);
    }

    /// <summary>
    /// 确认关联: the coordinator finds a possible link the same dispute. It counts as a recurrence with all
    /// its effects: linked (the earlier case hears of it through <see cref="NewRecurrenceNotices"/>), the
    /// recurrence grading factor, and the color raised to red.
    /// </summary>
    public void ConfirmLink(Actor by, Guid earlierCaseId, string? note, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        Ensure(CaseAction.ConfirmLink, by);
        var text = Optional(note, "note");
        var link = OpenLink(earlierCaseId);
        var match = new RecurrenceMatch(link.EarlierCaseId, link.EarlierIncidentNumber, FingerprintKind.CoarseAddress, link.Address);
        var previous = Color;
        link.Decide(PossibleLinkState.Confirmed, by, text, now);
        RecurrenceOfCaseId ??= link.EarlierCaseId;
        GradingFactors = [.. GradingFactors, match.Factor()];
        if (Color < WarningColor.Red)
        {
            MoveClockFor(WarningColor.Red, deadlines, now);
            Color = WarningColor.Red;
        }
        Record(by, CaseAction.ConfirmLink, Status, now, text is null ? match.OnLater() : $"{match.OnLater()}：{text}",
            new() { ["case"] = link.EarlierCaseId.ToString(), ["incident"] = link.EarlierIncidentNumber, ["from"] = previous.Code(), ["to"] = Color.Code() });
        _recurrenceNotices.Add(new RecurrenceNotice(link.EarlierCaseId, Id, IncidentNumber, match, by));
    }

    /// <summary>排除关联: the coordinator finds a possible link another dispute, with a reason; nothing else changes.</summary>
    public void DismissLink(Actor by, Guid earlierCaseId, string reason, DateTimeOffset now)
    {
        Ensure(CaseAction.DismissLink, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var link = OpenLink(earlierCaseId);
        link.Decide(PossibleLinkState.Dismissed, by, text, now);
        Record(by, CaseAction.DismissLink, Status, now, $"排除与案件 {link.EarlierIncidentNumber} 的可能关联：{text}",
            new() { ["case"] = link.EarlierCaseId.ToString(), ["incident"] = link.EarlierIncidentNumber });
    }

    public bool HasOpenPossibleLinks => PossibleLinks.Any(l => l.IsOpen);

    /// <summary>Earlier cases a confirmed link must be noted on; the unit of work loads each and calls <see cref="NoteRecurrence"/>.</summary>
    public IReadOnlyList<RecurrenceNotice> NewRecurrenceNotices => _recurrenceNotices;

    private readonly List<RecurrenceNotice> _recurrenceNotices = [];

    private PossibleLink OpenLink(Guid earlierCaseId) =>
        PossibleLinks.FirstOrDefault(l => l.EarlierCaseId == earlierCaseId && l.IsOpen)
        ?? throw new CaseInputException("earlierCase", "没有与该案件待确认的可能关联 (no open possible link to that case)");

    /// <summary>Past the deadline of its stage: accepting while routed, resolving while being worked on.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status switch
    {
        CaseStatus.Routed => AcceptDueAt < now,
        CaseStatus.Accepted or CaseStatus.InProgress => ResolveDueAt < now,
        _ => false,
    };

    /// <summary>What this person may do on this case now.</summary>
    public IReadOnlyList<CaseAction> AllowedActionsFor(Actor actor) => CaseRules.AllowedFor(this, actor);

    /// <summary>The resolve clock starts again from the reopening, with nothing held yet.</summary>
    private void Reopened(DateTimeOffset now)
    {
        ReopenCount++;
        ReopenedAt = now;
        HeldFor = TimeSpan.Zero;
        Color = Color.Raise();
        ClosedAt = null;
        Outcome = null;
        LastProgressAt = now;
    }

    private void EndHold(IWorkingTime workingTime, DateTimeOffset now)
    {
        if (OnHoldSince is { } since) HeldFor += workingTime.Between(since, now);
        OnHoldSince = null;
        OnHoldReason = null;
    }

    private Dictionary<string, string> Departments()
    {
        var details = new Dictionary<string, string> { ["lead"] = LeadDepartmentCode ?? "" };
        if (CoHandlerCodes.Count > 0) details["coHandlers"] = string.Join(',', CoHandlerCodes);
        return details;
    }

    private void Ensure(CaseAction action, Actor by)
    {
        if (!CaseRules.IsAllowedIn(action, Status)) throw new CaseActionNotAllowedException(action, Status, CaseRules.AllowedFor(this, by));
        if (!CaseRules.MayAct(action, this, by)) throw new CaseActionForbiddenException(action, CaseRules.AllowedFor(this, by));
    }

    private static string RequireText(string? text, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new CaseInputException(field, "必填 (is required)");
        return Optional(text, field, max)!;
    }

    private static string? Optional(string? text, string field, int max = CaseLimits.Note)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > max)
            throw new CaseInputException(field, string.Create(CultureInfo.InvariantCulture, $"不能超过{max}个字符 (at most {max} characters)"));
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new CaseInputException(field, "含有不允许的字符 (contains characters that are not allowed)");
        return trimmed;
    }
}
