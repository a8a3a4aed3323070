using Microsoft.Extensions.Diagnostics.HealthChecks;
using Referral.Data;
using Referral.Service.Infrastructure;

namespace Referral.Service.Health;

/// <summary>Ready when the schema is migrated and the database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseState state, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsMigrated)
            return HealthCheckResult.Unhealthy($"database not migrated yet: {state.LastError ?? "starting"}");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await db.Database.CanConnectAsync(timeout.Token)
                ? HealthCheckResult.Healthy("database reachable")
                : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"database unreachable: {ex.Message}");
        }
    }
}
