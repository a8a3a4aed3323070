using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Identity;

public sealed record UserInput(string? UserName, string? DisplayName, string? Role, string? StationCode, string? DepartmentCode, string? Email);

public sealed record UserView(string Id, string UserName, string DisplayName, string Role, string? StationCode, string? DepartmentCode,
    string? Email, bool LockedOut);

/// <summary>A new or reset password, shown to the admin once to pass on; the person changes it.</summary>
public sealed record IssuedPassword(UserView User, string Password);

/// <summary>
/// The admin's work on accounts: create a person with one role and the station or department they
/// belong to, lock and unlock, and reset a password to a generated one. Locking also ends the
/// person's sessions (a new security stamp).
/// </summary>
public sealed class UserAdmin(UserManager<AppUser> users, ReferralDbContext db, TimeProvider time)
{
    public async Task<List<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name ?? "").ToList());
        var now = time.GetUtcNow();
        return (await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken))
            .Select(u => View(u, roleOf.GetValueOrDefault(u.Id) ?? [], now)).ToList();
    }

    public async Task<Change<IssuedPassword>> CreateAsync(UserInput input, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(input, cancellationToken);
        if (errors.Count > 0) return Change<IssuedPassword>.Invalid(errors);
        var user = new AppUser
        {
            UserName = input.UserName!.Trim(), DisplayName = input.DisplayName!.Trim(), Email = Blank(input.Email),
            StationCode = input.Role == Roles.Dispatcher ? input.StationCode : null,
            DepartmentCode = input.Role is Roles.Coordinator or Roles.Handler or Roles.Supervisor ? Blank(input.DepartmentCode) : null,
        };
        var password = NewPassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Change<IssuedPassword>.Invalid(ByField(created, "userName"));
        await users.AddToRoleAsync(user, input.Role!);
        return Change<IssuedPassword>.Done(new IssuedPassword(View(user, [input.Role!], time.GetUtcNow()), password));
    }

    /// <summary>Locks the account until unlocked; an admin cannot lock themselves out.</summary>
    public async Task<Change<UserView>> LockAsync(string id, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Change<UserView>.Missing();
        if (user.UserName == by.Identity?.Name) return Change<UserView>.Conflicting("不能锁定自己的账户 (you cannot lock your own account)");
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        return Change<UserView>.Done(await ViewAsync(user));
    }

    public async Task<Change<UserView>> UnlockAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Change<UserView>.Missing();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Change<UserView>.Done(await ViewAsync(user));
    }

    public async Task<Change<IssuedPassword>> ResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Change<IssuedPassword>.Missing();
        var password = NewPassword();
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded) return Change<IssuedPassword>.Invalid(ByField(reset, "password"));
        return Change<IssuedPassword>.Done(new IssuedPassword(await ViewAsync(user), password));
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(UserInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.UserName) || input.UserName.Trim().Length > 50
            || !input.UserName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors["userName"] = ["必填，只能包含字母、数字、- _ .，不超过50字 (required: letters, digits, - _ .)"];
        else if (await users.FindByNameAsync(input.UserName.Trim()) is not null) errors["userName"] = ["用户名已存在 (the user name exists)"];
        if (string.IsNullOrWhiteSpace(input.DisplayName) || input.DisplayName.Length > 50) errors["displayName"] = ["必填，不超过50字 (required, at most 50)"];
        if (input.Role is null || !Roles.All.Contains(input.Role)) errors["role"] = ["请选择角色 (choose a role)"];
        if (input.Role == Roles.Dispatcher && !await db.Stations.AnyAsync(s => s.Code == input.StationCode, cancellationToken))
            errors["stationCode"] = ["派出所民警须选择所属派出所 (a dispatcher belongs to a station)"];
        if (input.Role is Roles.Coordinator or Roles.Handler && !await db.Departments.AnyAsync(d => d.Code == input.DepartmentCode && d.IsActive, cancellationToken))
            errors["departmentCode"] = ["须选择所属单位 (a coordinator or handler belongs to a department)"];
        if (input.Email is { Length: > 0 } email && (email.Length > 200 || !email.Contains('@', StringComparison.Ordinal)))
            errors["email"] = ["邮箱格式不正确 (not an email address)"];
        return errors;
    }

    private async Task<UserView> ViewAsync(AppUser user) => View(user, await users.GetRolesAsync(user), time.GetUtcNow());

    private static UserView View(AppUser u, IList<string> roles, DateTimeOffset now) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, roles.FirstOrDefault() ?? "", u.StationCode, u.DepartmentCode, u.Email,
            u.LockoutEnd is { } end && end > now);

    private static Dictionary<string, string[]> ByField(IdentityResult result, string field) =>
        new() { [field] = [.. result.Errors.Select(e => e.Description)] };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>14 characters that meet the password rules, without look-alikes (0/O, 1/l/I).</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", marks = "!@#$%*-+";
        return RandomNumberGenerator.GetString(upper, 4) + RandomNumberGenerator.GetString(lower, 5)
               + RandomNumberGenerator.GetString(digits, 3) + RandomNumberGenerator.GetString(marks, 2);
    }
}
