using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Dashboard;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Demo;

/// <summary>
/// Seeds the demo: the Gutang reference data into an empty database, and the demo users and the
/// station's API key wherever they are missing. Then prints where to go and how to sign in.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, DatabaseState database, IOptions<DemoOptions> options,
    IHostApplicationLifetime lifetime, IServer server, TimeProvider time, ILogger<DemoSeeder> logger) : BackgroundService
{
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seeded => _seeded.Task;

    public static IReadOnlyList<string> AllRoles => [Roles.Dispatcher, Roles.Coordinator, Roles.Handler, Roles.Supervisor, Roles.Admin];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.Migrated.WaitAsync(stoppingToken);
            await using (var scope = scopes.CreateAsyncScope())
            {
                await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
                if (options.Value.Seed)
                {
                    await SeedReferenceDataAsync(scope.ServiceProvider.GetRequiredService<ReferralDbContext>(), stoppingToken);
                    await SeedUsersAsync(scope.ServiceProvider, stoppingToken);
                    if (options.Value.History) await scope.ServiceProvider.GetRequiredService<DemoHistory>().SeedAsync(stoppingToken);
                }
            }
            _seeded.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Seeding the demo data failed");
            _seeded.TrySetException(ex);
            return;
        }
        if (options.Value.Seed) await PrintBannerAsync(stoppingToken);
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in AllRoles)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private async Task SeedReferenceDataAsync(ReferralDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Stations.AnyAsync(cancellationToken)) return;
        var now = time.GetUtcNow();
        db.Stations.Add(DemoData.Station);
        db.Departments.AddRange(DemoData.Departments);
        db.Areas.AddRange(DemoData.Areas);
        db.DisputeTypes.AddRange(DemoData.DisputeTypes);
        var rules = DemoData.RoutingRules;
        foreach (var rule in rules) rule.ChangedAt = now;
        db.RoutingRules.AddRange(rules);
        await db.SaveChangesAsync(cancellationToken);
        db.RoutingRuleVersions.AddRange(rules.Select(RoutingRuleVersion.Of));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded the Gutang demo data: 1 station, {Departments} departments, {Areas} villages, {Rules} routing rules",
            DemoData.Departments.Count, DemoData.Areas.Count, rules.Count);
    }

    private async Task SeedUsersAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var db = services.GetRequiredService<ReferralDbContext>();
        string? passwordHash = null;
        foreach (var (user, role) in DemoUsers(await db.Departments.AsNoTracking().ToListAsync(cancellationToken)))
        {
            if (await users.FindByNameAsync(user.UserName!) is not null) continue;
            // Hashing is slow on purpose; the demo users share one password, so it is hashed (and checked against the rules) once.
            passwordHash ??= await HashDemoPasswordAsync(users, user);
            user.PasswordHash = passwordHash;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo user {user.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
        }
        var hash = ApiKeyHasher.Hash(options.Value.StationApiKey);
        if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
        {
            db.ApiKeys.Add(new ApiKey
            {
                StationCode = DemoData.StationCode, Name = "古塘派出所接处警系统 (demo)", Prefix = ApiKeyHasher.PrefixOf(options.Value.StationApiKey),
                Hash = hash, CreatedAt = time.GetUtcNow(), CreatedBy = "seed",
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<string> HashDemoPasswordAsync(UserManager<AppUser> users, AppUser user)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, options.Value.Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo:Password is refused by the password rules: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        return users.PasswordHasher.HashPassword(user, options.Value.Password);
    }

    private static IEnumerable<(AppUser User, string Role)> DemoUsers(IReadOnlyList<Department> departments)
    {
        yield return (new AppUser { UserName = "dispatcher", DisplayName = "古塘派出所 值班民警", StationCode = DemoData.StationCode }, Roles.Dispatcher);
        yield return (new AppUser { UserName = "coordinator", DisplayName = "矛调中心 协调员", DepartmentCode = DemoData.CenterCode }, Roles.Coordinator);
        yield return (new AppUser { UserName = "supervisor", DisplayName = "街道分管领导", DepartmentCode = DemoData.CenterCode, Email = "leader@gutang.example" },
            Roles.Supervisor);
        yield return (new AppUser { UserName = "admin", DisplayName = "系统管理员" }, Roles.Admin);
        foreach (var d in departments.Where(d => d.Kind != DepartmentKind.Center).OrderBy(d => d.Kind).ThenBy(d => d.Code))
            yield return (new AppUser { UserName = $"handler-{d.Code}", DisplayName = $"{d.Name} 经办人", DepartmentCode = d.Code, Email = d.Email }, Roles.Handler);
    }

    private async Task PrintBannerAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        logger.LogInformation(
            """
            警情通办 Referral is running at {Addresses}
              Demo sign-in (password {Password}): dispatcher, coordinator, supervisor, admin,
              handler-fulian (妇联), handler-scjg (市场监管), handler-zhzf, handler-sfs, handler-ldjc, handler-tjgzs, handler-zyz,
              and one handler per village, e.g. handler-tangdong.
              Station API key (header X-Api-Key): {ApiKey}
              API reference: /scalar   Health: /health/ready
            """,
            string.Join(", ", addresses), options.Value.Password, options.Value.StationApiKey);
    }
}
