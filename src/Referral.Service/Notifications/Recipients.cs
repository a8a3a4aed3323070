using Microsoft.AspNetCore.Identity;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Data.Identity;
using Referral.Service.Reference;

namespace Referral.Service.Notifications;

public sealed record Recipient(string Address, string Name, string Key);

/// <summary>Who receives what: departments and stations at their mailbox, supervisors at their own address.</summary>
public sealed class Recipients(ReferenceDataCache reference, UserManager<AppUser> users)
{
    public Recipient? Department(string? code) =>
        code is not null && reference.FindDepartment(code) is { Email: { Length: > 0 } email } d ? new Recipient(email, d.Name, $"dept:{d.Code}") : null;

    public Recipient? Center() =>
        reference.Departments.FirstOrDefault(d => d.Kind == DepartmentKind.Center && d.IsActive) is { Email: { Length: > 0 } email } d
            ? new Recipient(email, d.Name, $"dept:{d.Code}") : null;

    public Recipient? Station(string code) =>
        reference.FindStation(code) is { Email: { Length: > 0 } email } s ? new Recipient(email, s.Name, $"station:{s.Code}") : null;

    public async Task<IReadOnlyList<Recipient>> SupervisorsAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Supervisor))
            .Where(u => !string.IsNullOrEmpty(u.Email) && u.LockoutEnd is null)
            .Select(u => new Recipient(u.Email!, u.DisplayName, $"user:{u.UserName}")).ToList();
}
