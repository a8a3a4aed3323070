using System.Net;
using System.Text.Json;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Http;

/// <summary>
/// Reads the service's HTTP answers: a receipt (201 created, 200 duplicate or amended) or RFC 9457
/// problem details whose <c>errors</c> member names the fields (400).
/// </summary>
internal static class ReceiptReader
{
    private sealed record DepartmentRef(string Code, string Name);

    private sealed record RoutingInfo(string? Explanation);

    private sealed record FactorInfo(string? Description);

    private sealed record GradingInfo(IReadOnlyList<FactorInfo>? Factors);

    private sealed record Receipt(Guid CaseId, string? Outcome, string? Status, string? Color, DepartmentRef? Department,
        IReadOnlyList<DepartmentRef>? CoHandlers, RoutingInfo? Routing, GradingInfo? Grading, Guid? RecurrenceOf);

    private sealed record Problem(string? Title, string? Detail, Dictionary<string, string[]>? Errors);

    public static Answer Read(HttpStatusCode status, string body, long receivedAt)
    {
        try
        {
            return status switch
            {
                HttpStatusCode.Created or HttpStatusCode.OK => FromReceipt(JsonSerializer.Deserialize<Receipt>(body, ReferralJson.Options), receivedAt),
                HttpStatusCode.BadRequest => FromProblem(JsonSerializer.Deserialize<Problem>(body, ReferralJson.Options), receivedAt),
                _ => Answer.Failed($"HTTP {(int)status} {status}: {Title(body)}"),
            };
        }
        catch (JsonException)
        {
            return Answer.Failed($"HTTP {(int)status}: the response is not the JSON the service sends");
        }
    }

    private static Answer FromReceipt(Receipt? r, long receivedAt)
    {
        if (r is null) return Answer.Failed("empty response");
        var outcome = r.Outcome switch
        {
            "created" => Outcome.Created,
            "duplicate" => Outcome.Duplicate,
            "amended" => Outcome.Amended,
            _ => (Outcome?)null,
        };
        if (outcome is null) return Answer.Failed($"unknown outcome '{r.Outcome}'");
        var department = r.Department is null ? null : $"{r.Department.Code} {r.Department.Name}";
        var notes = new List<string>();
        if (r.CoHandlers is { Count: > 0 } co) notes.Add("co-handlers: " + string.Join(", ", co.Select(c => $"{c.Code} {c.Name}")));
        if (r.Grading?.Factors is { Count: > 0 } factors) notes.Add("color because: " + string.Join("; ", factors.Select(f => f.Description)));
        if (r.RecurrenceOf is { } earlier) notes.Add($"recurrence of case {earlier}");
        return new Answer(outcome.Value, r.CaseId, r.Status, r.Color, department, r.Routing?.Explanation,
            Note: notes.Count > 0 ? string.Join(Environment.NewLine, notes) : null, ReceivedAt: receivedAt);
    }

    private static Answer FromProblem(Problem? p, long receivedAt) => p?.Errors is { Count: > 0 } errors
        ? new Answer(Outcome.Rejected, Errors: errors, ReceivedAt: receivedAt)
        : Answer.Failed($"HTTP 400: {p?.Title ?? "bad request"} {p?.Detail}".TrimEnd());

    private static string Title(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<Problem>(body, ReferralJson.Options)?.Title ?? "(no title)";
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
