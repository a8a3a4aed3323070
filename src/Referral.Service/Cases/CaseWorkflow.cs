using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Data;
using Referral.Service.Escalation;
using Referral.Service.Identity;

namespace Referral.Service.Cases;

public enum ActionOutcome
{
    Done,
    NotFound,
    Stale,
}

public sealed record ActionResult(ActionOutcome Outcome, Case? Case);

/// <summary>
/// One action on one case as one unit of work: load the case within the person's scope, let the
/// domain apply the action — with the step a confirmed link adds to the earlier case — and save (each
/// step becomes a timeline entry and a bus event on save, through <see cref="CaseEventsHook"/>).
/// A concurrent change wins over this one: the caller gets the fresh case to show.
/// </summary>
public sealed class CaseWorkflow(ReferralDbContext db, CaseAccess access, CaseSchedule schedule, TimeProvider time, ILogger<CaseWorkflow> logger)
{
    /// <param name="expectedVersion">The version the person acted on, if the client sent it.</param>
    public async Task<ActionResult> ApplyAsync(Guid id, ClaimsPrincipal user, int? expectedVersion, Action<Case, Actor, DateTimeOffset> apply,
        CancellationToken cancellationToken)
    {
        var @case = await access.FindAsync(id, user, tracking: true, cancellationToken);
        if (@case is null) return new ActionResult(ActionOutcome.NotFound, null);
        if (expectedVersion is { } v && v != @case.Version) return new ActionResult(ActionOutcome.Stale, @case);

        var now = time.GetUtcNow();
        var actor = user.ToActor();
        apply(@case, actor, now);
        schedule.Refresh(@case);
        foreach (var notice in @case.NewRecurrenceNotices)
        {
            var earlier = await db.Cases.FirstAsync(c => c.Id == notice.EarlierCaseId, cancellationToken);
            earlier.NoteRecurrence(notice.LaterCaseId, notice.LaterIncidentNumber, notice.Match, now, notice.By);
        }
        var actions = string.Join(",", @case.NewEntries.Select(e => e.Action));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Case {CaseId} changed while {User} acted on it; answering the fresh state", id, actor.Name);
            return new ActionResult(ActionOutcome.Stale, await access.FindAsync(id, user, tracking: false, cancellationToken));
        }
        logger.LogInformation("Case {CaseId}: {Actions} by {User} ({Role}); now {Status}, {Color}", id,
            actions, actor.Name, actor.Role, @case.Status, @case.Color);
        return new ActionResult(ActionOutcome.Done, @case);
    }
}
