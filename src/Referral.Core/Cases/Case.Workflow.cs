using System.Globalization;
using Referral.Core.Cases.Events;
using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;

namespace Referral.Core.Cases;

/// <summary>
/// The handling of a case by the center and the departments. Every method checks first (state,
/// role, department, input) and throws before changing anything; then changes the case and
/// records exactly one typed event.
/// </summary>
public sealed partial class Case
{
    /// <summary>分派: the center sends a case in triage to a lead department (and co-handlers).</summary>
    public void Assign(Actor by, string? leadDepartmentCode, IReadOnlyList<string> coHandlerCodes, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.Assign, by);
        var lead = RequireText(leadDepartmentCode, "leadDepartment", 40);
        var from = Status;
        SendTo(lead, coHandlerCodes, now);
        Record(by, from, now, new Assigned(lead, [.. CoHandlerCodes], Optional(note, "note")));
    }

    /// <summary>签收: the lead department takes the case on.</summary>
    public void Accept(Actor by, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.Accept, by);
        var from = Status;
        Status = CaseStatus.Accepted;
        AcceptedAt = now;
        Record(by, from, now, new Accepted(Optional(note, "note")));
    }

    /// <summary>退回: the lead department sends the case back to the center's triage, with a reason.</summary>
    public void Reject(Actor by, string? reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Reject, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        var rejectedBy = LeadDepartmentCode ?? "";
        Status = CaseStatus.Triage;
        LeadDepartmentCode = null;
        CoHandlerCodes = [];
        AcceptedAt = null;
        RejectCount++;
        Record(by, from, now, new Rejected(rejectedBy, text));
    }

    /// <summary>反馈进展: a call, a visit, a mediation session... (日清: one each working day).</summary>
    public void RecordProgress(Actor by, ProgressKind kind, string? text, string? nextStep, DateTimeOffset now)
    {
        Ensure(CaseAction.RecordProgress, by);
        var body = RequireText(text, "text", CaseLimits.Note);
        var next = Optional(nextStep, "nextStep");
        var from = Status;
        if (Status == CaseStatus.Accepted) Status = CaseStatus.InProgress;
        LastProgressAt = now;
        Record(by, from, now, new ProgressRecorded(kind, body, next));
    }

    /// <summary>邀请协办: another department is asked to help.</summary>
    public void RequestCoHandling(Actor by, string? departmentCode, string? note, DateTimeOffset now)
    {
        Ensure(CaseAction.RequestCoHandling, by);
        var helper = RequireText(departmentCode, "department", 40);
        if (helper == LeadDepartmentCode || CoHandlerCodes.Contains(helper))
            throw new CaseInputException("department", "该部门已在办理此案 (the department already handles this case)");
        CoHandlerCodes = [.. CoHandlerCodes, helper];
        Record(by, Status, now, new CoHandlingRequested(helper, Optional(note, "note")));
    }

    /// <summary>转办: the center moves the case to another lead department, which must accept it anew.</summary>
    public void Transfer(Actor by, string? departmentCode, string? reason, IWorkingTime workingTime, DateTimeOffset now)
    {
        Ensure(CaseAction.Transfer, by);
        var to = RequireText(departmentCode, "department", 40);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (to == LeadDepartmentCode)
            throw new CaseInputException("department", "已是主办部门 (the department already leads this case)");
        var from = Status;
        var previous = LeadDepartmentCode;
        EndHold(workingTime, now);
        SendTo(to, CoHandlerCodes, now);
        Record(by, from, now, new Transferred(previous, to, text));
    }

    /// <summary>调整预警: the center raises or lowers the color, always with a reason.</summary>
    public void ChangeColor(Actor by, WarningColor color, string? reason, DeadlinePolicy deadlines, DateTimeOffset now)
    {
        Ensure(CaseAction.ChangeColor, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (color == Color) throw new CaseInputException("color", $"案件已是{color.ChineseName()}色 (the case is already {color.Code()})");
        var previous = Color;
        MoveClockFor(color, deadlines, now);
        Color = color;
        Record(by, Status, now, new ColorChanged(previous, color, text));
    }

    /// <summary>暂停: waiting for a party or a court date; the resolve clock pauses.</summary>
    public void Hold(Actor by, string? reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Hold, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        Status = CaseStatus.OnHold;
        OnHoldSince = now;
        OnHoldReason = text;
        Record(by, from, now, new PutOnHold(text));
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
        Record(by, from, now, new Resumed(text));
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
        Record(by, from, now, new Closed(outcome, summary));
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
        if (calm)
        {
            Status = CaseStatus.FollowedUp;
            Record(by, from, now, new FollowUpRecorded(calm, satisfaction, text));
            return;
        }
        Status = CaseStatus.InProgress;
        Reopened(now);
        Record(by, from, now, new FollowUpRecorded(calm, satisfaction, text ?? "回访发现纠纷复发，案件重新打开 (the dispute came back; reopened)"));
    }

    /// <summary>重新打开: the dispute came back; the case goes back to its lead department, one color up.</summary>
    public void Reopen(Actor by, string? reason, DateTimeOffset now)
    {
        Ensure(CaseAction.Reopen, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var from = Status;
        Status = LeadDepartmentCode is null ? CaseStatus.Triage : CaseStatus.InProgress;
        var previous = Color;
        Reopened(now);
        Record(by, from, now, new Reopened(previous, Color, text));
    }

    /// <summary>标记民转刑: the dispute turned into a criminal case (the statistic the platform exists to keep at zero).</summary>
    public void FlagTurnedCriminal(Actor by, string? reason, DateTimeOffset now)
    {
        Ensure(CaseAction.FlagTurnedCriminal, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        if (TurnedCriminal) throw new CaseInputException("reason", "已标记为民转刑 (already flagged)");
        TurnedCriminal = true;
        Record(by, Status, now, new FlaggedTurnedCriminal(text));
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
        Record(by, Status, now, new LinkConfirmed(link.EarlierCaseId, link.EarlierIncidentNumber, previous, Color,
            text is null ? match.OnLater() : $"{match.OnLater()}：{text}"));
        _recurrenceNotices.Add(new RecurrenceNotice(link.EarlierCaseId, Id, IncidentNumber, match, by));
    }

    /// <summary>排除关联: the coordinator finds a possible link another dispute, with a reason; nothing else changes.</summary>
    public void DismissLink(Actor by, Guid earlierCaseId, string? reason, DateTimeOffset now)
    {
        Ensure(CaseAction.DismissLink, by);
        var text = RequireText(reason, "reason", CaseLimits.Reason);
        var link = OpenLink(earlierCaseId);
        link.Decide(PossibleLinkState.Dismissed, by, text, now);
        Record(by, Status, now, new LinkDismissed(link.EarlierCaseId, link.EarlierIncidentNumber, $"排除与案件 {link.EarlierIncidentNumber} 的可能关联：{text}"));
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
