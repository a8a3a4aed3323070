using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Referral.Data;
using Referral.Service.Messaging;

namespace Referral.Service.Scheduling;

/// <summary>Deletes outbox rows published long ago and inbox rows past the redelivery window.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(ReferralDbContext db, IOptions<OutboxOptions> options, TimeProvider time, ILogger<HousekeepingJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var publishedBefore = now - options.Value.RetainPublished;
        var processedBefore = now - options.Value.RetainProcessed;
        var outbox = await db.Outbox.Where(m => m.PublishedAt != null && m.PublishedAt < publishedBefore).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Inbox.Where(m => m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Housekeeping deleted {Outbox} published outbox rows and {Inbox} inbox rows", outbox, inbox);
    }
}
