using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Data;
using Referral.Data.Identity;

namespace Referral.Service.Identity;

public sealed record ApiKeyInput(string? StationCode, string? Name);

public sealed record ApiKeyView(long Id, string StationCode, string Name, string Prefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt)
{
    public static ApiKeyView Of(ApiKey k) => new(k.Id, k.StationCode, k.Name, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt);
}

/// <summary>The key is shown once, when it is created; only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags("API keys").RequireAuthorization(Policies.Admin);
        keys.MapGet("/", async (ReferralDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.ApiKeys.AsNoTracking().OrderBy(k => k.StationCode).ThenBy(k => k.Id).ToListAsync(ct)).Select(ApiKeyView.Of).ToList()))
            .WithSummary("All station API keys (without secrets)");
        keys.MapPost("/", CreateAsync).WithSummary("Issue a key for a station; the secret is in this answer only");
        keys.MapPost("/{id:long}/revoke", RevokeAsync).WithSummary("Revoke a key (stops working within 30 seconds)");
        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(ApiKeyInput input, ReferralDbContext db,
        HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.StationCode) || !await db.Stations.AnyAsync(s => s.Code == input.StationCode, cancellationToken))
            errors["stationCode"] = ["未知的派出所代码 (unknown station)"];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100) errors["name"] = ["必填，不超过100字 (required, at most 100)"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var secret = ApiKeyHasher.NewKey();
        var key = new ApiKey
        {
            StationCode = input.StationCode!, Name = input.Name!.Trim(), Prefix = ApiKeyHasher.PrefixOf(secret), Hash = ApiKeyHasher.Hash(secret),
            CreatedAt = time.GetUtcNow(), CreatedBy = http.User.Identity?.Name ?? "",
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new CreatedApiKey(ApiKeyView.Of(key), secret));
    }

    private static async Task<Results<Ok<ApiKeyView>, NotFound>> RevokeAsync(long id, ReferralDbContext db, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null) return TypedResults.NotFound();
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ApiKeyView.Of(key));
    }
}
