namespace Referral.Core.Cases;

/// <summary>Which action a person may take in which state, and in which role.</summary>
public static class CaseRules
{
    private static readonly CaseAction[] OpenWork =
        [CaseAction.RecordProgress, CaseAction.RequestCoHandling, CaseAction.Transfer, CaseAction.ChangeColor,
         CaseAction.Hold, CaseAction.Close, CaseAction.FlagTurnedCriminal];

    /// <summary>可能关联 are decided in any state once the case is graded; offered only while one is open (<see cref="AllowedFor"/>).</summary>
    private static readonly CaseAction[] Links = [CaseAction.ConfirmLink, CaseAction.DismissLink];

    private static readonly Dictionary<CaseStatus, CaseAction[]> ByStatus = new()
    {
        [CaseStatus.Referred] = [],
        [CaseStatus.Triage] = [CaseAction.Assign, CaseAction.ChangeColor, CaseAction.Close, CaseAction.FlagTurnedCriminal, .. Links],
        [CaseStatus.Routed] = [CaseAction.Accept, CaseAction.Reject, CaseAction.Transfer, CaseAction.ChangeColor,
                               CaseAction.RequestCoHandling, CaseAction.FlagTurnedCriminal, .. Links],
        [CaseStatus.Accepted] = [.. OpenWork, CaseAction.Reject, .. Links],
        [CaseStatus.InProgress] = [.. OpenWork, .. Links],
        [CaseStatus.OnHold] = [CaseAction.Resume, CaseAction.RecordProgress, CaseAction.Transfer, CaseAction.ChangeColor,
                               CaseAction.Close, CaseAction.FlagTurnedCriminal, .. Links],
        [CaseStatus.Closed] = [CaseAction.RecordFollowUp, CaseAction.Reopen, CaseAction.FlagTurnedCriminal, .. Links],
        [CaseStatus.FollowedUp] = [CaseAction.Reopen, CaseAction.FlagTurnedCriminal, .. Links],
    };

    /// <summary>Who may take an action, given that the case is within the person's scope.</summary>
    private static readonly Dictionary<CaseAction, (bool Coordinator, HandlerScope Handler)> ByRole = new()
    {
        [CaseAction.Assign] = (true, HandlerScope.None),
        [CaseAction.Accept] = (false, HandlerScope.Lead),
        [CaseAction.Reject] = (false, HandlerScope.Lead),
        [CaseAction.RecordProgress] = (true, HandlerScope.LeadOrCoHandler),
        [CaseAction.RequestCoHandling] = (true, HandlerScope.Lead),
        [CaseAction.Transfer] = (true, HandlerScope.None),
        [CaseAction.ChangeColor] = (true, HandlerScope.None),
        [CaseAction.Hold] = (true, HandlerScope.Lead),
        [CaseAction.Resume] = (true, HandlerScope.Lead),
        [CaseAction.Close] = (true, HandlerScope.Lead),
        [CaseAction.Reopen] = (true, HandlerScope.Lead),
        [CaseAction.RecordFollowUp] = (true, HandlerScope.Lead),
        [CaseAction.FlagTurnedCriminal] = (true, HandlerScope.None),
        [CaseAction.ConfirmLink] = (true, HandlerScope.None),
        [CaseAction.DismissLink] = (true, HandlerScope.None),
    };

    private enum HandlerScope { None, Lead, LeadOrCoHandler }

    /// <summary>The actions people take (each has its descriptor, route and form); the others are the system's.</summary>
    public static IReadOnlyCollection<CaseAction> PersonActions => ByRole.Keys;

    public static IReadOnlyList<CaseAction> AllowedIn(CaseStatus status) => ByStatus[status];

    public static bool IsAllowedIn(CaseAction action, CaseStatus status) => ByStatus[status].Contains(action);

    /// <summary>The actions this person may take on this case now: deciding a possible link only while one is open.</summary>
    public static IReadOnlyList<CaseAction> AllowedFor(Case @case, Actor actor) =>
        ByStatus[@case.Status].Where(a => MayAct(a, @case, actor) && (!Links.Contains(a) || @case.HasOpenPossibleLinks)).ToList();

    public static bool MayAct(CaseAction action, Case @case, Actor actor)
    {
        if (!ByRole.TryGetValue(action, out var who)) return false;
        return actor.Role switch
        {
            Roles.Coordinator => who.Coordinator,
            Roles.Handler => who.Handler switch
            {
                HandlerScope.Lead => actor.DepartmentCode is not null && @case.LeadDepartmentCode == actor.DepartmentCode,
                HandlerScope.LeadOrCoHandler => @case.IsHandledBy(actor.DepartmentCode),
                _ => false,
            },
            _ => false,
        };
    }
}
