using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

public enum ActionAnswerKind
{
    Done,
    NotFound,
    Stale,
    NotAllowed,
    Forbidden,
    Invalid,
}

/// <summary>
/// What an action came to, for every door: done (the case now), not found (outside the person's scope
/// too), stale (the case now), refused in this state or for this person (with the actions allowed), or
/// invalid input by field. The API turns it into HTTP (<see cref="CaseActionRunner.ToHttp"/>), a page into words.
/// </summary>
public sealed record ActionAnswer(ActionAnswerKind Kind, Case? Case = null, string? Message = null, CaseStatus? Status = null,
    IReadOnlyList<CaseAction>? AllowedNow = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ActionAnswer Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ActionAnswerKind.Invalid, Errors: errors);

    public static ActionAnswer Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
