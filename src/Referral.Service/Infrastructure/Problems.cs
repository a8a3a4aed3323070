using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Core.Intake;

namespace Referral.Service.Infrastructure;

/// <summary>RFC 9457 problem details for the errors a client can meet, each naming its field.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(ReferralValidationException ex) =>
        TypedResults.ValidationProblem(ex.ByField(), title: "The referral is invalid.", type: "https://referral.local/problems/invalid-referral");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request is invalid.", type: "https://referral.local/problems/invalid-request");

    /// <summary>A body that is not JSON, or has a value of the wrong type: names the JSON path.</summary>
    public static ValidationProblem Malformed(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        var detail = ex.Path is null or "$" ? "请求体不是有效的 JSON (the body is not valid JSON)" : $"{ErrorText.Format("malformed")}";
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] },
            title: "The request body could not be read.", type: "https://referral.local/problems/malformed-body");
    }

    /// <summary>"$.parties[0].phone" → "parties[0].phone"; the root → "body".</summary>
    public static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" or "" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
