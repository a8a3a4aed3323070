using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Referral.Data.Identity;

namespace Referral.Service.Identity;

/// <summary>Adds the person's department or station to the sign-in, so scoping needs no lookup per request.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.DepartmentCode is { } department) identity.AddClaim(new Claim(ReferralClaims.Department, department));
        if (user.StationCode is { } station) identity.AddClaim(new Claim(ReferralClaims.Station, station));
        identity.AddClaim(new Claim(ReferralClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
