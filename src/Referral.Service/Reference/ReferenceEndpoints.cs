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

    private static async Task<Results<Created<DisputeType>, ValidationProblem>> CreateTypeAsync(DisputeTypeInput input, ReferralDbContext db,
        ReferenceDataCache cache, CancellationToken cancellationToken)
    {
        var errors = Validate(input, requireCode: true);
        if (input.Code is { } code && await db.DisputeTypes.AnyAsync(t => t.Code == code, cancellationToken))
            errors["code"] = ["代码已存在 (the code exists)"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var type = new DisputeType
        {
            Code = input.Code!.Trim(), NameZh = input.NameZh!.Trim(), NameEn = input.NameEn!.Trim(),
            SortOrder = input.SortOrder ?? 100, IsActive = input.IsActive ?? true,
        };
        db.DisputeTypes.Add(type);
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return TypedResults.Created($"/api/dispute-types/{type.Code}", type);
    }

    private static async Task<Results<Ok<DisputeType>, NotFound, ValidationProblem>> ChangeTypeAsync(string code, DisputeTypeInput input,
        ReferralDbContext db, ReferenceDataCache cache, CancellationToken cancellationToken)
    {
        var type = await db.DisputeTypes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (type is null) return TypedResults.NotFound();
        var errors = Validate(input, requireCode: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        type.NameZh = input.NameZh!.Trim();
        type.NameEn = input.NameEn!.Trim();
        type.SortOrder = input.SortOrder ?? type.SortOrder;
        type.IsActive = input.IsActive ?? type.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        await cache.InvalidateAsync(cancellationToken);
        return TypedResults.Ok(type);
    }

    private static Dictionary<string, string[]> Validate(DisputeTypeInput input, bool requireCode)
    {
        var errors = new Dictionary<string, string[]>();
        if (requireCode && (string.IsNullOrWhiteSpace(input.Code) || input.Code.Length > 40 || !input.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            errors["code"] = ["必填，只能包含字母、数字和 - (required: letters, digits and -)"];
        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Length > 50) errors["nameZh"] = ["必填，不超过50字 (required, at most 50)"];
        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Length > 100) errors["nameEn"] = ["必填，不超过100字 (required, at most 100)"];
        return errors;
    }
}
