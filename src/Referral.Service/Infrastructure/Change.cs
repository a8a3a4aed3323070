namespace Referral.Service.Infrastructure;

/// <summary>
/// What an admin change came to, shared by the API and the pages: done (with the value), refused with
/// errors by field, not found, or a conflict in words. The API turns it into 200/400/404/409, a page
/// into inline messages.
/// </summary>
public sealed record Change<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false, string? Conflict = null)
    where T : class
{
    private static readonly Dictionary<string, string[]> None = [];

    public bool Succeeded => Value is not null && Errors.Count == 0 && !NotFound && Conflict is null;

    public static Change<T> Done(T value) => new(value, None);

    public static Change<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);

    public static Change<T> Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    public static Change<T> Missing() => new(null, None, NotFound: true);

    public static Change<T> Conflicting(string message, T? current = null) => new(current, None, Conflict: message);

    /// <summary>The first message for a field, for an inline error next to it.</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? messages.FirstOrDefault() : null;

    /// <summary>The answer of an admin API endpoint.</summary>
    public IResult ToHttp(Func<T, IResult>? ok = null) =>
        NotFound ? TypedResults.NotFound()
        : Errors.Count > 0 ? TypedResults.ValidationProblem(Errors.ToDictionary(e => e.Key, e => e.Value))
        : Conflict is not null ? TypedResults.Problem(Conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict")
        : ok is null ? TypedResults.Ok(Value) : ok(Value!);
}
