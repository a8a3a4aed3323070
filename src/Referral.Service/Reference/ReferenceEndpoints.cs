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
}
