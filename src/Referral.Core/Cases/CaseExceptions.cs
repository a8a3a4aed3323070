namespace Referral.Core.Cases;

/// <summary>An action that the case's state does not allow; nothing was changed.</summary>
public sealed class CaseActionNotAllowedException(CaseAction action, CaseStatus status, IReadOnlyList<CaseAction> allowedNow)
    : Exception($"'{action.Slug()}' is not allowed while the case is {status}; allowed now: " +
                (allowedNow.Count == 0 ? "none" : string.Join(", ", allowedNow.Select(a => a.Slug()))))
{
    public CaseAction Action { get; } = action;
    public CaseStatus Status { get; } = status;
    public IReadOnlyList<CaseAction> AllowedNow { get; } = allowedNow;
}

/// <summary>An action's input that the domain refuses (a missing reason, an unknown department...).</summary>
public sealed class CaseInputException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;

    /// <summary>What is wrong with the field, without its name: the words shown next to it.</summary>
    public string Reason { get; } = message;
}

/// <summary>The action is possible in this state, but not for this person (wrong role or department); nothing was changed.</summary>
public sealed class CaseActionForbiddenException(CaseAction action, IReadOnlyList<CaseAction> allowedNow)
    : Exception($"You may not '{action.Slug()}' this case; you may: " +
                (allowedNow.Count == 0 ? "nothing" : string.Join(", ", allowedNow.Select(a => a.Slug()))))
{
    public CaseAction Action { get; } = action;
    public IReadOnlyList<CaseAction> AllowedNow { get; } = allowedNow;
}
