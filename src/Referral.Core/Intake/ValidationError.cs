namespace Referral.Core.Intake;

/// <summary>One problem with one field of a referral, named by its JSON path (<c>parties[0].phone</c>).</summary>
public sealed record ValidationError(string Field, string Code, string Message);

/// <summary>A referral that failed validation; the intake answers it with every error at once.</summary>
public sealed class ReferralValidationException(IReadOnlyList<ValidationError> errors)
    : Exception("Referral rejected: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;

    public IReadOnlyDictionary<string, string[]> ByField() =>
        Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
