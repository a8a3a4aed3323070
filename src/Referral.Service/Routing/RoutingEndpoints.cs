using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Contracts;
using Referral.Core.Grading;
using Referral.Core.Routing;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Routing;

public sealed record RuleHistory(RuleView Current, IReadOnlyList<RuleView> Versions);

public sealed record AreaInfo(string Code, string Name, string How);

public sealed record ExplainAnswer(
    string? LeadDepartment,
    string? LeadDepartmentName,
    IReadOnlyList<string> CoHandlers,
    long? RuleId,
    int? RuleVersion,
    string? RuleName,
    AreaInfo? Area,
    string Explanation,
    IReadOnlyList<RuleEvaluation> Evaluations,
    string? Color,
    IReadOnlyList<GradingFactor> Factors);

public static class RoutingEndpoints
{
    public static IEndpointRouteBuilder MapRoutingEndpoints(this IEndpointRouteBuilder app)
    {
        var routing = app.MapGroup("/api/routing").WithTags("Routing");
        routing.MapGet("/rules", ListAsync).RequireAuthorization(Policies.Oversight).WithSummary("All routing rules, by priority");
        routing.MapGet("/rules/{id:long}", GetAsync).RequireAuthorization(Policies.Oversight).WithSummary("A rule and every version of it");
        routing.MapPost("/rules", CreateAsync).RequireAuthorization(Policies.RuleEditor).WithSummary("Create a rule");
        routing.MapPut("/rules/{id:long}", ChangeAsync).RequireAuthorization(Policies.RuleEditor)
            .WithSummary("Change a rule; send the version you read (a stale one answers 409)");
        routing.MapPost("/rules/{id:long}/retire", RetireAsync).RequireAuthorization(Policies.RuleEditor).WithSummary("Retire a rule");
        routing.MapPost("/explain", ExplainAsync).RequireAuthorization(Policies.Explainer).RequireRateLimiting(RateLimits.Referrals)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RateLimits.MaxReferralBytes))
            .WithSummary("Where would this referral go, and why (stores nothing)");
        return app;
    }

    private static async Task<Ok<List<RuleView>>> ListAsync(RoutingRules rules, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rules.ListAsync(cancellationToken));

    private static async Task<Results<Ok<RuleHistory>, NotFound>> GetAsync(long id, RoutingRules rules, CancellationToken cancellationToken) =>
        await rules.GetAsync(id, cancellationToken) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound();

    private static async Task<Results<Created<RuleView>, ValidationProblem>> CreateAsync(RuleInput input, RoutingRules rules, HttpContext http,
        CancellationToken cancellationToken)
    {
        var change = await rules.CreateAsync(input, http.User, cancellationToken);
        return change.Succeeded
            ? TypedResults.Created($"/api/routing/rules/{change.Value!.Id}", change.Value)
            : TypedResults.ValidationProblem(Errors(change));
    }

    private static async Task<Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(long id, RuleInput input,
        RoutingRules rules, HttpContext http, CancellationToken cancellationToken) =>
        Answer(await rules.ChangeAsync(id, input, http.User, cancellationToken));

    private static async Task<Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult>> RetireAsync(long id,
        RoutingRules rules, HttpContext http, CancellationToken cancellationToken) =>
        Answer(await rules.RetireAsync(id, http.User, cancellationToken));

    private static Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult> Answer(Change<RuleView> change) =>
        change.NotFound ? TypedResults.NotFound()
        : change.Errors.Count > 0 ? TypedResults.ValidationProblem(Errors(change))
        : change.Conflict is { } conflict ? TypedResults.Problem(detail: conflict, statusCode: StatusCodes.Status409Conflict, title: "Stale version",
            extensions: new Dictionary<string, object?> { ["current"] = change.Value })
        : TypedResults.Ok(change.Value!);

    private static Dictionary<string, string[]> Errors<T>(Change<T> change) where T : class =>
        change.Errors.ToDictionary(e => e.Key, e => e.Value);

    private static async Task<Results<Ok<ExplainAnswer>, ValidationProblem>> ExplainAsync(HttpRequest request, RoutingRules rules,
        CancellationToken cancellationToken)
    {
        IncidentReferred? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<IncidentReferred>(request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web), cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(ex);
        }
        var answer = await rules.ExplainAsync(body, cancellationToken);
        return answer.Succeeded
            ? TypedResults.Ok(answer.Value!)
            : TypedResults.ValidationProblem(Errors(answer), title: "The request is invalid.", type: "https://referral.local/problems/invalid-request");
    }
}
