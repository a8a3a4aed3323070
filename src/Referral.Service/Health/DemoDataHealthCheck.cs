using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Referral.Service.Demo;

namespace Referral.Service.Health;

/// <summary>With demo seeding on, the service is ready once the demo users and key exist, not a moment before.</summary>
internal sealed class DemoDataHealthCheck(DemoSeeder seeder, IOptions<DemoOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.Seed ? HealthCheckResult.Healthy("demo seeding off")
            : seeder.Seeded.IsCompletedSuccessfully ? HealthCheckResult.Healthy("demo data seeded")
            : seeder.Seeded.IsFaulted ? HealthCheckResult.Unhealthy($"demo seeding failed: {seeder.Seeded.Exception?.GetBaseException().Message}")
            : HealthCheckResult.Unhealthy("seeding the demo data"));
}
