using Quartz;
using Referral.Service.Infrastructure;

namespace Referral.Service.Scheduling;

/// <summary>
/// Starts Quartz once the database is migrated (the clustered store's tables come with the
/// migrations) and, on shutdown, lets running jobs finish.
/// </summary>
internal sealed class SchedulerHost(ISchedulerFactory factory, DatabaseState database, ILogger<SchedulerHost> logger) : BackgroundService
{
    private IScheduler? _scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.Migrated.WaitAsync(stoppingToken);
        _scheduler = await factory.GetScheduler(stoppingToken);
        await _scheduler.Start(stoppingToken);
        logger.LogInformation("Scheduler {Name} started ({Store})", _scheduler.SchedulerName,
            (await _scheduler.GetMetadata(stoppingToken)).JobStoreTypeName);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null) await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        await base.StopAsync(cancellationToken);
    }
}
