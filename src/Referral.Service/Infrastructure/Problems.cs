using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Core.Intake;

namespace Referral.Service.Infrastructure;

/// <summary>RFC 9457 problem details for the errors a client can meet, each naming its field.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(ReferralValidationException ex) =>
        TypedResults.ValidationProblem(ex.ByField(), title: "The referral is invalid.", type: "https://referral.local/problems/invalid-referral");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value),
            title: "The request is invalid.", type: "https://referral.local/problems/invalid-request");

    /// <summary>A body that is not JSON, or has a value of the wrong type: names the JSON path.</summary>
    public static ValidationProblem Malformed(JsonException ex)
    {
        var field = FieldOf(ex);
        var detail = field == "body" ? "请求体不是有效的 JSON (the body is not valid JSON)" : $"{ErrorText.Format("malformed")}";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] },
            title: "The request body could not be read.", type: "https://referral.local/problems/malformed-body");
    }

    /// <summary>
    /// The field of a value of the wrong type; "body" when the text is not JSON at all. A syntax error
    /// carries the reader's exception inside and the path of wherever the reader stopped, which is not
    /// the field at fault (a body cut off in the middle of a value is not that value's fault).
    /// </summary>
    public static string FieldOf(JsonException ex) => ex.InnerException is JsonException ? "body" : FieldOf(ex.Path);

    /// <summary>"$.parties[0].phone" → "parties[0].phone"; the root → "body".</summary>
    public static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" or "" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
