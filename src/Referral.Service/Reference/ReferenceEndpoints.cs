using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Reference;
using Referral.Data;
using Referral.Service.Identity;

namespace Referral.Service.Reference;

public sealed record DisputeTypeInput(string? Code, string? NameZh, string? NameEn, int? SortOrder, bool? IsActive);

/// <summary>The taxonomy and the organisation, readable by everyone signed in; dispute types editable by admins.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        var reference = app.MapGroup("/api").WithTags("Reference data");
        reference.MapGet("/dispute-types", async (ReferralDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.DisputeTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct)))
            .WithSummary("The dispute taxonomy (纠纷类型)");
        reference.MapGet("/departments", async (ReferralDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Kind).ThenBy(d => d.Code).ToListAsync(ct)))
            .WithSummary("The center, departments, villages and mediators that take cases");
        reference.MapGet("/areas", async (ReferralDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct)))
            .WithSummary("Villages and communities (村/社区)");
        reference.MapGet("/stations", async (ReferralDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Stations.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct)))
            .WithSummary("Police stations");

        var admin = app.MapGroup("/api/admin/dispute-types").WithTags("Reference data").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", CreateTypeAsync).WithSummary("Add a dispute type");
        admin.MapPut("/{code}", ChangeTypeAsync).WithSummary("Rename, reorder, or (de)activate a dispute type");

        var units = app.MapGroup("/api/admin").WithTags("Reference data").RequireAuthorization(Policies.Admin);
        units.MapPost("/departments", (DepartmentInput input, ReferenceAdmin a, CancellationToken ct) => SaveDepartmentAsync(null, input, a, ct))
            .WithSummary("Add a department, village committee or mediator");
        units.MapPut("/departments/{code}", (string code, DepartmentInput input, ReferenceAdmin a, CancellationToken ct) => SaveDepartmentAsync(code, input, a, ct))
            .WithSummary("Rename a unit, change its kind or email, (de)activate it; the code never changes");
        units.MapPost("/areas", (AreaInput input, ReferenceAdmin a, CancellationToken ct) => SaveAreaAsync(null, input, a, ct))
            .WithSummary("Add a village or community");
        units.MapPut("/areas/{code}", (string code, AreaInput input, ReferenceAdmin a, CancellationToken ct) => SaveAreaAsync(code, input, a, ct))
            .WithSummary("Rename a village or community, change its aliases or committee, (de)activate it");
        return app;
    }

    private static async Task<Results<Created<DisputeType>, ValidationProblem>> CreateTypeAsync(DisputeTypeInput input, ReferenceAdmin admin,
        CancellationToken cancellationToken)
    {
        var change = await admin.CreateDisputeTypeAsync(input, cancellationToken);
        return change.Succeeded
            ? TypedResults.Created($"/api/dispute-types/{change.Value!.Code}", change.Value)
            : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static async Task<Results<Ok<DisputeType>, NotFound, ValidationProblem>> ChangeTypeAsync(string code, DisputeTypeInput input,
        ReferenceAdmin admin, CancellationToken cancellationToken)
    {
        var change = await admin.ChangeDisputeTypeAsync(code, input, cancellationToken);
        return change.NotFound ? TypedResults.NotFound()
            : change.Succeeded ? TypedResults.Ok(change.Value!)
            : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static async Task<Results<Created<Department>, Ok<Department>, NotFound, ValidationProblem>> SaveDepartmentAsync(string? code,
        DepartmentInput input, ReferenceAdmin admin, CancellationToken cancellationToken) =>
        Saved(code, await admin.SaveDepartmentAsync(code, input, cancellationToken), d => $"/api/departments/{d.Code}");

    private static async Task<Results<Created<Area>, Ok<Area>, NotFound, ValidationProblem>> SaveAreaAsync(string? code,
        AreaInput input, ReferenceAdmin admin, CancellationToken cancellationToken) =>
        Saved(code, await admin.SaveAreaAsync(code, input, cancellationToken), a => $"/api/areas/{a.Code}");

    /// <summary>201 for a new one, 200 for a change, 404, or 400 naming the fields.</summary>
    private static Results<Created<T>, Ok<T>, NotFound, ValidationProblem> Saved<T>(string? code, Referral.Service.Infrastructure.Change<T> change,
        Func<T, string> location) where T : class =>
        change.NotFound ? TypedResults.NotFound()
        : !change.Succeeded ? TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value))
        : code is null ? TypedResults.Created(location(change.Value!), change.Value!)
        : TypedResults.Ok(change.Value!);
}
