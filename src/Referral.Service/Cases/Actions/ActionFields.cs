using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>The fields and checks several actions share.</summary>
internal static class ActionFields
{
    public static readonly ActionField Note = new("note", FieldKind.Text, "Note");

    public static readonly ActionField Reason = new("reason", FieldKind.Text, "Reason", Required: true, MaxLength: CaseLimits.Reason);

    /// <summary>A department code that is given must be an active department.</summary>
    public static IEnumerable<(string Field, string Message)> KnownDepartment(ActionContext context, string field, string? code) =>
        !string.IsNullOrWhiteSpace(code) && context.Reference.FindDepartment(code) is not { IsActive: true }
            ? [(field, ActionTexts.UnknownDepartment)]
            : [];
}
