using Microsoft.AspNetCore.Identity;

namespace Referral.Data.Identity;

/// <summary>A person who signs in; belongs to a station (dispatchers) or a department (everyone else).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? StationCode { get; set; }
    public string? DepartmentCode { get; set; }
}
