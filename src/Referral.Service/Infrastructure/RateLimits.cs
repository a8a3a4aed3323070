using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Referral.Service.Identity;

namespace Referral.Service.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Referrals per second per station key or user (token bucket; bursts up to <see cref="ReferralBurst"/>).</summary>
    public int ReferralsPerSecond { get; set; } = 500;

    public int ReferralBurst { get; set; } = 2000;

    /// <summary>Sign-in attempts per minute per client address (lockout also stops guessing per account).</summary>
    public int LoginsPerMinute { get; set; } = 30;
}

/// <summary>Limits on the public endpoints, so that one client cannot crowd out the others.</summary>
public static class RateLimits
{
    public const string Referrals = "referrals";
    public const string Login = "login";

    /// <summary>Largest referral body accepted: far above any valid referral (50 parties of long texts).</summary>
    public const long MaxReferralBytes = 256 * 1024;

    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "请求过于频繁，请稍后重试 (too many requests; try again later).",
                    },
                });
            };
            o.AddPolicy(Referrals, http => RateLimitPartition.GetTokenBucketLimiter(Client(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.ReferralBurst,
                TokensPerPeriod = options.ReferralsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            // On POST only: the sign-in page (/login) carries this policy too, and showing the page is not an attempt.
            o.AddPolicy(Login, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("page"));
        });
        return builder;
    }

    /// <summary>A station key or a user counts as one client; anything else by its address.</summary>
    private static string Client(HttpContext http) =>
        http.User.StationCode() is { } station && http.User.IsInRole(Referral.Core.Cases.Roles.Station) ? $"station:{station}"
        : http.User.Identity?.Name is { } name ? $"user:{name}"
        : $"ip:{http.Connection.RemoteIpAddress}";

    private static string? StationCode(this ClaimsPrincipal user) => ReferralClaims.StationCode(user);
}
