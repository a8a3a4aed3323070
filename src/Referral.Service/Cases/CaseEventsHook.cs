using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Referral.Core.Cases;
using Referral.Core.Cases.Chain;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Messaging;

namespace Referral.Service.Cases;

/// <summary>
/// The one save hook of case events: whoever changed a case — the intake, a person's action, the
/// escalation sweep — the steps its domain methods recorded are sealed into the chain, inserted as
/// timeline rows and turned into their bus events on the outbox, in the same transaction. No caller
/// writes timeline rows or case events itself, so none can forget or double them.
/// </summary>
public sealed class CaseEventsHook(ChainKey key, OutboxWriter outbox, OutboxSignal signal) : SaveChangesInterceptor, ICaseEventsHook
{
    /// <summary>The contexts whose save being made adds outbox rows: the relay is woken once it is committed.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _publishing = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ReferralDbContext db) Write(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ReferralDbContext db) Write(db);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    /// <summary>
    /// Entries not sealed yet are this save's: a save retried after a failure finds them sealed and
    /// tracked already, and adds neither rows nor messages a second time.
    /// </summary>
    private void Write(ReferralDbContext db)
    {
        foreach (var c in db.ChangeTracker.Entries<Case>().Select(e => e.Entity).ToList())
        {
            var fresh = c.NewEntries.Where(e => !e.IsSealed).ToList();
            if (fresh.Count == 0) continue;
            c.SealNewEntries(key);
            db.Timeline.AddRange(fresh);
            foreach (var entry in fresh)
                if (CaseMessages.For(c, entry) is { } message) outbox.Add(db, message, message.GetType(), c.Id);
        }
        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added)) _publishing.AddOrUpdate(db, this);
    }

    private void Saved(DbContext? context)
    {
        if (context is null) return;
        foreach (var c in context.ChangeTracker.Entries<Case>().Select(e => e.Entity).Where(c => c.NewEntries.Count > 0)) c.ClearNewEntries();
        if (_publishing.Remove(context)) signal.Notify();
    }
}
