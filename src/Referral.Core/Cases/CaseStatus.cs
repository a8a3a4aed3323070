namespace Referral.Core.Cases;

/// <summary>Where a case stands. A rejected case goes back to <see cref="Triage"/>; a transferred one to <see cref="Routed"/>.</summary>
public enum CaseStatus
{
    /// <summary>Received from the station (流转), not yet routed.</summary>
    Referred,
    /// <summary>Waiting in the center's triage queue: no rule matched, or a department rejected it.</summary>
    Triage,
    /// <summary>Sent to a lead department, waiting for it to accept.</summary>
    Routed,
    Accepted,
    InProgress,
    /// <summary>Waiting for a party or a court date; the resolve clock is paused.</summary>
    OnHold,
    Closed,
    /// <summary>Closed and visited again (回访) with the dispute still calm.</summary>
    FollowedUp,
}

public static class CaseStatusExtensions
{
    public static bool IsOpen(this CaseStatus status) => status is not (CaseStatus.Closed or CaseStatus.FollowedUp);

    public static string ChineseName(this CaseStatus status) => status switch
    {
        CaseStatus.Referred => "已流转",
        CaseStatus.Triage => "待分派",
        CaseStatus.Routed => "待签收",
        CaseStatus.Accepted => "已签收",
        CaseStatus.InProgress => "办理中",
        CaseStatus.OnHold => "暂停",
        CaseStatus.Closed => "已办结",
        CaseStatus.FollowedUp => "已回访",
        _ => status.ToString(),
    };
}
