using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Appends the timeline entries of changed cases before saving them.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cases = ChangeTracker.Entries<Case>().Select(e => e.Entity).Where(c => c.NewEntries.Count > 0).ToList();
        foreach (var c in cases) Timeline.AddRange(c.NewEntries);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var c in cases) c.ClearNewEntries();
        return saved;
    }
}
