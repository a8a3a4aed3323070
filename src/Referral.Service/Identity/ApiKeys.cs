using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Identity;

/// <summary>Station API keys: listed without secrets, issued (the secret shown once), revoked.</summary>
public sealed class ApiKeys(ReferralDbContext db, TimeProvider time)
{
    public async Task<List<ApiKeyView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.StationCode).ThenBy(k => k.Id).ToListAsync(cancellationToken)).Select(ApiKeyView.Of).ToList();

    public async Task<Change<CreatedApiKey>> CreateAsync(ApiKeyInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.StationCode) || !await db.Stations.AnyAsync(s => s.Code == input.StationCode, cancellationToken))
            errors["stationCode"] = ["未知的派出所代码 (unknown station)"];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100) errors["name"] = ["必填，不超过100字 (required, at most 100)"];
        if (errors.Count > 0) return Change<CreatedApiKey>.Invalid(errors);
        var secret = ApiKeyHasher.NewKey();
        var key = new ApiKey
        {
            StationCode = input.StationCode!, Name = input.Name!.Trim(), Prefix = ApiKeyHasher.PrefixOf(secret), Hash = ApiKeyHasher.Hash(secret),
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Identity?.Name ?? "",
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return Change<CreatedApiKey>.Done(new CreatedApiKey(ApiKeyView.Of(key), secret));
    }

    public async Task<ApiKeyView?> RevokeAsync(long id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null) return null;
        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyView.Of(key);
    }
}
