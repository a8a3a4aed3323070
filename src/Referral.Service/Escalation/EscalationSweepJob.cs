using Quartz;

namespace Referral.Service.Escalation;

/// <summary>The Quartz face of the sweep; one run at a time per instance (instances may overlap: the sweep is safe).</summary>
[DisallowConcurrentExecution]
public sealed class EscalationSweepJob(EscalationSweep sweep) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sweep.RunAsync(cancellationToken);
}
