using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Data.Identity;
using Referral.Data.Messaging;

namespace Referral.Data;

/// <summary>
/// The one model of the service. Each provider derives its own context
/// (<see cref="SqliteReferralDbContext"/>, <see cref="SqlServerReferralDbContext"/>) so that each
/// keeps its own migrations; the host registers the derived one as this type.
/// </summary>
public abstract class ReferralDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<DisputeType> DisputeTypes => Set<DisputeType>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<RoutingRuleVersion> RoutingRuleVersions => Set<RoutingRuleVersion>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<PartyFingerprint> PartyFingerprints => Set<PartyFingerprint>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();
    public DbSet<OutgoingMail> OutgoingMail => Set<OutgoingMail>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<RevealAudit> RevealAudits => Set<RevealAudit>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReferralDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureHookFor();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureHookFor();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>A case's steps saved without the hook would be lost from its trajectory: refuse, before anything is written.</summary>
    private void EnsureHookFor()
    {
        if (!ChangeTracker.Entries<Case>().Any(e => e.Entity.NewEntries.Count > 0)) return;
        var interceptors = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? [];
        if (!interceptors.OfType<ICaseEventsHook>().Any())
            throw new InvalidOperationException("A case changed, but this context has no case-events hook to seal, store and publish its steps.");
    }
}
