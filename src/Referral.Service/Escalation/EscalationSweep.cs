using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Core.Deadlines;
using Referral.Data;

namespace Referral.Service.Escalation;

public sealed record SweepReport(int Evaluated, int Escalated, int Warned, int ToSupervisors, int Rescheduled, int Conflicts);

/// <summary>
/// Finds the cases whose next check is due (one indexed query), evaluates them in batches, and stores
/// each batch — new colors, markers, deadlines, and the steps that become timeline entries and events on
/// save — in one transaction.
/// Safe to run twice or on two instances: everything derives from stored timestamps, a second
/// evaluation of a stored result finds nothing, and a case changed meanwhile fails its optimistic
/// concurrency check and is evaluated again on its fresh state.
/// </summary>
public sealed class EscalationSweep(IServiceScopeFactory scopes, CaseSchedule schedule, TimeProvider time,
    ILogger<EscalationSweep> logger)
{
    public const int BatchSize = 500;

    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rescheduled = await RescheduleIfRulesChangedAsync(cancellationToken);
        var report = new SweepReport(0, 0, 0, 0, rescheduled, 0);
        var seen = new HashSet<Guid>();
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            var ids = await db.Cases.AsNoTracking().Where(c => c.NextEscalationCheckAt != null && c.NextEscalationCheckAt <= now)
                .OrderBy(c => c.NextEscalationCheckAt).ThenBy(c => c.Id).Select(c => c.Id).Take(BatchSize + seen.Count)
                .ToListAsync(cancellationToken);
            var batch = ids.Where(seen.Add).Take(BatchSize).ToList();
            if (batch.Count == 0) break;
            report = Add(report, await SweepBatchAsync(scope.ServiceProvider, batch, now, cancellationToken));
        }
        if (report.Evaluated > 0)
            logger.LogInformation("Escalation sweep: {Evaluated} evaluated, {Escalated} raised, {Warned} warned, {Supervisors} to supervisors, {Conflicts} retried",
                report.Evaluated, report.Escalated, report.Warned, report.ToSupervisors, report.Conflicts);
        return report;
    }

    private async Task<SweepReport> SweepBatchAsync(IServiceProvider services, List<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ReferralDbContext>();
        var cases = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var report = Evaluate(cases, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone acted on a case of the batch meanwhile: take them one by one, each on its fresh state.
            db.ChangeTracker.Clear();
            report = report with { Escalated = 0, Warned = 0, ToSupervisors = 0, Conflicts = report.Conflicts + 1 };
            foreach (var id in ids) report = Add(report with { Evaluated = 0 }, await SweepOneAsync(db, id, now, cancellationToken));
        }
        return report;
    }

    private async Task<SweepReport> SweepOneAsync(ReferralDbContext db, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null) return new SweepReport(0, 0, 0, 0, 0, 0);
        var report = Evaluate([c], now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SweepReport(1, 0, 0, 0, 0, 1);
        }
    }

    private SweepReport Evaluate(IReadOnlyList<Case> cases, DateTimeOffset now)
    {
        var escalation = schedule.Escalation;
        int escalated = 0, warned = 0, supervisors = 0;
        foreach (var c in cases)
        {
            EscalationResult result;
            try
            {
                result = escalation.Evaluate(c.Clock(), now);
            }
            catch (ArgumentException ex)
            {
                logger.LogError("Case {CaseId} has an inconsistent clock and cannot be evaluated: {Error}", c.Id, ex.Message);
                continue;
            }
            c.Escalate(result);
            escalated += result.Findings.Count(f => f.Action == EscalationAction.RaiseColor && f.ColorChanged);
            warned += result.Findings.Count(f => f.Action == EscalationAction.WarnDepartment);
            supervisors += result.Findings.Count(f => f.Action == EscalationAction.NotifySupervisors);
        }
        return new SweepReport(cases.Count, escalated, warned, supervisors, 0, 0);
    }

    /// <summary>
    /// Cases scheduled under other rules (a calendar reload, new deadline options) get their deadlines
    /// recomputed, in batches; a restart with the same rules finds none.
    /// </summary>
    private async Task<int> RescheduleIfRulesChangedAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        var broken = new List<Guid>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var version = schedule.Version;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            // Any batch will do. Ordered by status, SQLite walks the (Status, ScheduleVersion) index and tests the
            // version there; ordered by id it read every case in key order, seconds a run at a million cases.
            var batch = await db.Cases.Where(c => c.Status != CaseStatus.FollowedUp && c.ScheduleVersion != version && !broken.Contains(c.Id))
                .OrderBy(c => c.Status).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) break;
            foreach (var c in batch)
            {
                try
                {
                    schedule.Refresh(c);
                }
                catch (ArgumentException ex)
                {
                    broken.Add(c.Id);
                    logger.LogError("Case {CaseId} has an inconsistent clock and cannot be scheduled: {Error}", c.Id, ex.Message);
                }
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                count += batch.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // A case of the batch changed meanwhile: it was scheduled by that change; the next pass takes the rest.
            }
        }
        if (count > 0) logger.LogInformation("Deadline rules changed: recomputed the deadlines of {Count} open cases", count);
        return count;
    }

    private static SweepReport Add(SweepReport a, SweepReport b) => new(a.Evaluated + b.Evaluated, a.Escalated + b.Escalated,
        a.Warned + b.Warned, a.ToSupervisors + b.ToSupervisors, a.Rescheduled + b.Rescheduled, a.Conflicts + b.Conflicts);
}
