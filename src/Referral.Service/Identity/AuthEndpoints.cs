using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Referral.Data.Identity;

namespace Referral.Service.Identity;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record Me(string UserName, string DisplayName, string Role, IReadOnlyList<string> Roles, string? DepartmentCode, string? StationCode);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(Referral.Service.Infrastructure.RateLimits.Login)
            .WithSummary("Sign in with user name and password; answers a bearer token in accessToken")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapGet("/me", GetMe).RequireAuthorization(Policies.Staff).WithSummary("Who is signed in");
        // The pages sign in at /login (LoginPage) and out here: a form post, so that a link elsewhere cannot sign anyone out.
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).AllowAnonymous().WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>> LoginAsync(
        LoginRequest request, SignInManager<AppUser> signIn, ILoggerFactory loggers)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors["userName"] = ["必填 (is required)"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["必填 (is required)"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token
        var log = loggers.CreateLogger("Referral.Service.Identity.Login");
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused for {UserName}: locked out", request.UserName);
            return TypedResults.Problem("账户因多次登录失败已被锁定，请稍后再试 (the account is locked after repeated failures; try again later).",
                statusCode: StatusCodes.Status401Unauthorized, title: "Locked out");
        }
        log.LogInformation("Sign-in failed for {UserName}", request.UserName);
        return TypedResults.Problem("用户名或密码错误 (wrong user name or password).", statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in failed");
    }

    private static Me GetMe(HttpContext context)
    {
        var user = context.User;
        var roles = user.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToList();
        return new Me(user.Identity?.Name ?? "", user.FindFirst(ReferralClaims.DisplayName)?.Value ?? "", user.MainRole(), roles,
            user.DepartmentCode(), user.StationCode());
    }
}
