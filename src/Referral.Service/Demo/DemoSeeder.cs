using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Service.Infrastructure;

namespace Referral.Service.Demo;

/// <summary>Seeds the demo data once, into an empty database, after the migrations ran.</summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, DatabaseState database, IOptions<DemoOptions> options,
    TimeProvider time, ILogger<DemoSeeder> logger) : BackgroundService
{
    private readonly TaskCompletionSource _seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seeded => _seeded.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await database.Migrated.WaitAsync(stoppingToken);
            if (options.Value.Seed) await SeedAsync(stoppingToken);
            _seeded.TrySetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Seeding the demo data failed");
            _seeded.TrySetException(ex);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
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
}
