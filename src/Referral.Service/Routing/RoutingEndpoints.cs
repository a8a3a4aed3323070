using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Grading;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;
using Referral.Service.Reference;

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

    private static async Task<Ok<List<RuleView>>> ListAsync(ReferralDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.RoutingRules.AsNoTracking().OrderBy(r => r.IsRetired).ThenBy(r => r.Priority).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken)).Select(RuleView.Of).ToList());

    private static async Task<Results<Ok<RuleHistory>, NotFound>> GetAsync(long id, ReferralDbContext db, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return TypedResults.NotFound();
        var versions = await db.RoutingRuleVersions.AsNoTracking().Where(v => v.RuleId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(new RuleHistory(RuleView.Of(rule), versions.Select(RuleView.Of).ToList()));
    }

    private static async Task<Results<Created<RuleView>, ValidationProblem>> CreateAsync(RuleInput input, ReferralDbContext db,
        ReferenceDataCache reference, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var errors = input.Validate(reference);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rule = new RoutingRule { Name = "", LeadDepartmentCode = "" };
        input.ApplyTo(rule, reference);
        rule.ChangedAt = time.GetUtcNow();
        rule.ChangedBy = http.User.Identity?.Name ?? "";
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        db.RoutingRuleVersions.Add(RoutingRuleVersion.Of(rule));
        await db.SaveChangesAsync(cancellationToken);
        await reference.InvalidateAsync(cancellationToken);
        return TypedResults.Created($"/api/routing/rules/{rule.Id}", RuleView.Of(rule));
    }

    private static async Task<Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(long id, RuleInput input,
        ReferralDbContext db, ReferenceDataCache reference, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return TypedResults.NotFound();
        var errors = input.Validate(reference);
        if (input.Version is null) errors["version"] = ["必填：修改前读取到的版本号 (the version you read is required)"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (input.Version != rule.Version) return Stale(rule);
        input.ApplyTo(rule, reference);
        return await SaveVersionAsync(rule, db, reference, http, time, cancellationToken);
    }

    private static async Task<Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult>> RetireAsync(long id,
        ReferralDbContext db, ReferenceDataCache reference, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return TypedResults.NotFound();
        if (rule.IsRetired) return TypedResults.Ok(RuleView.Of(rule));
        rule.IsRetired = true;
        return await SaveVersionAsync(rule, db, reference, http, time, cancellationToken);
    }

    private static async Task<Results<Ok<RuleView>, NotFound, ValidationProblem, ProblemHttpResult>> SaveVersionAsync(RoutingRule rule,
        ReferralDbContext db, ReferenceDataCache reference, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        rule.Version++;
        rule.ChangedAt = time.GetUtcNow();
        rule.ChangedBy = http.User.Identity?.Name ?? "";
        db.RoutingRuleVersions.Add(RoutingRuleVersion.Of(rule));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Stale(await db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == rule.Id, cancellationToken));
        }
        await reference.InvalidateAsync(cancellationToken);
        return TypedResults.Ok(RuleView.Of(rule));
    }

    private static ProblemHttpResult Stale(RoutingRule current) => TypedResults.Problem(
        detail: $"规则已被他人修改，当前版本为 v{current.Version} (the rule was changed meanwhile; it is now at version {current.Version}).",
        statusCode: StatusCodes.Status409Conflict, title: "Stale version",
        extensions: new Dictionary<string, object?> { ["current"] = RuleView.Of(current) });

    private static async Task<Results<Ok<ExplainAnswer>, ValidationProblem>> ExplainAsync(HttpRequest request, ReferenceDataCache reference,
        GradingPolicy grading, CancellationToken cancellationToken)
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
        await reference.EnsureFreshAsync(cancellationToken);
        var type = body?.DisputeType is { } t ? reference.FindDisputeType(t) : null;
        if (type is null) return Problems.Invalid("disputeType", body?.DisputeType is null ? "必填 (is required)" : "未知的纠纷类型 (unknown dispute type)");
        var decision = Router.Route(new RoutingFacts(type.Code, body!.AreaCode, body.Address, body.Summary ?? ""), reference.RoutingRules, reference.Areas);
        var area = AreaResolver.Resolve(body.AreaCode, body.Address, reference.Areas);
        GradingResult? graded = body.Risk is { } risk
            ? grading.Grade(new RiskAssessment
            {
                PoliceCallsLast30Days = risk.PoliceCallsLast30Days ?? 0, ThreatsOrWeapons = risk.ThreatsOrWeapons ?? false,
                Violence = risk.Violence ?? false, SelfHarmRisk = risk.SelfHarmRisk ?? false, VulnerablePersons = risk.VulnerablePersons ?? false,
                PartiesCount = risk.PartiesCount ?? 0, AmountAtStakeYuan = risk.AmountAtStakeYuan ?? 0, LeftHome = risk.LeftHome ?? false,
            }, type.Code, isRecurrence: false)
            : null;
        return TypedResults.Ok(new ExplainAnswer(
            decision.LeadDepartmentCode, decision.LeadDepartmentCode is null ? null : reference.DepartmentName(decision.LeadDepartmentCode),
            decision.CoHandlerCodes, decision.Rule?.Id, decision.Rule?.Version, decision.Rule?.Name,
            area is null ? null : new AreaInfo(area.Area.Code, area.Area.Name, area.How),
            decision.Explanation, decision.Evaluations, graded?.Color.Code(), graded?.Factors ?? []));
    }
}
