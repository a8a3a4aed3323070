using System.Security.Claims;
using Referral.Core.Cases;

namespace Referral.Service.Identity;

/// <summary>The claims that say where a person belongs, and how to read an actor from them.</summary>
public static class ReferralClaims
{
    public const string Department = "referral:department";
    public const string Station = "referral:station";
    public const string DisplayName = "referral:display-name";

    public static string? DepartmentCode(this ClaimsPrincipal user) => user.FindFirstValue(Department);

    public static string? StationCode(this ClaimsPrincipal user) => user.FindFirstValue(Station);

    /// <summary>The highest-ranking of the person's roles, for the timeline and the rules.</summary>
    public static string MainRole(this ClaimsPrincipal user) =>
        new[] { Roles.Admin, Roles.Coordinator, Roles.Supervisor, Roles.Handler, Roles.Dispatcher, Roles.Station }
            .FirstOrDefault(user.IsInRole) ?? "";

    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "anonymous", user.MainRole(), user.DepartmentCode(), user.StationCode());
}
