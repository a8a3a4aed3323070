using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Data;

namespace Referral.Service.Identity;

/// <summary>
/// A station system's API key in the <c>X-Api-Key</c> header signs it in as that station. Keys are
/// looked up by hash; a revoked key stops working within <see cref="CacheFor"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReferralDbContext db,
    IMemoryCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record KeyInfo(long Id, string StationCode, string Prefix);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0) return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (key.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed API key");
        var hash = ApiKeyHasher.Hash(key);
        // Only known keys are cached: a key issued a moment ago works at once, a revoked one within CacheFor.
        if (!cache.TryGetValue($"apikey:{hash}", out KeyInfo? info) || info is null)
        {
            info = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
                .Select(k => new KeyInfo(k.Id, k.StationCode, k.Prefix)).FirstOrDefaultAsync(Context.RequestAborted);
            if (info is null) return AuthenticateResult.Fail("Unknown or revoked API key");
            cache.Set($"apikey:{hash}", info, CacheFor);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, $"station:{info.StationCode}"),
            new Claim(ClaimTypes.Role, Roles.Station),
            new Claim(ReferralClaims.Station, info.StationCode),
            new Claim("referral:api-key", info.Prefix),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
