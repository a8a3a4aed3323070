using Quartz;

namespace Referral.Service.Digests;

/// <summary>
/// Runs every few minutes and sends what is due: 日清 from 08:30 on working days, 周结 from 09:00 on
/// the first working day of the week, follow-up reminders as visits fall due. Running often makes
/// a late start or a restart catch up; the unique keys make every run after the first a no-op.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestService digests, ILogger<DigestJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var daily = await digests.SendDailyIfDueAsync(cancellationToken);
        var weekly = await digests.SendWeeklyIfDueAsync(cancellationToken);
        var followUps = await digests.SendFollowUpRemindersAsync(cancellationToken);
        if (daily + weekly + followUps > 0)
            logger.LogInformation("Digest run queued {Daily} daily, {Weekly} weekly and {FollowUps} follow-up emails", daily, weekly, followUps);
        else
            logger.LogDebug("Digest run: nothing due");
    }
}
