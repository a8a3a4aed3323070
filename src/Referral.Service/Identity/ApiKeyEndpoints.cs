using Microsoft.AspNetCore.Http.HttpResults;
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
        keys.MapGet("/", async (ApiKeys apiKeys, CancellationToken ct) => TypedResults.Ok(await apiKeys.ListAsync(ct)))
            .WithSummary("All station API keys (without secrets)");
        keys.MapPost("/", CreateAsync).WithSummary("Issue a key for a station; the secret is in this answer only");
        keys.MapPost("/{id:long}/revoke", RevokeAsync).WithSummary("Revoke a key (stops working within 30 seconds)");
        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(ApiKeyInput input, ApiKeys apiKeys,
        HttpContext http, CancellationToken cancellationToken)
    {
        var change = await apiKeys.CreateAsync(input, http.User, cancellationToken);
        return change.Succeeded
            ? TypedResults.Created($"/api/admin/api-keys/{change.Value!.Key.Id}", change.Value)
            : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static async Task<Results<Ok<ApiKeyView>, NotFound>> RevokeAsync(long id, ApiKeys apiKeys, CancellationToken cancellationToken) =>
        await apiKeys.RevokeAsync(id, cancellationToken) is { } key ? TypedResults.Ok(key) : TypedResults.NotFound();
}
