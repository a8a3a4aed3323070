using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referral.Core.Cases;
using Referral.Core.Intake;

namespace Referral.Data.Configuration;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("Cases");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Ignore(x => x.NewEntries);
        c.Ignore(x => x.NewRecurrenceNotices);
        c.Property(x => x.StationCode).HasMaxLength(ReferralLimits.Code);
        c.Property(x => x.IncidentNumber).HasMaxLength(ReferralLimits.IncidentNumber);
        c.HasIndex(x => new { x.StationCode, x.IncidentNumber }).IsUnique();
        c.Property(x => x.Address).HasMaxLength(ReferralLimits.Address);
        c.Property(x => x.AreaCode).HasMaxLength(ReferralLimits.Code);
        c.Property(x => x.DisputeTypeCode).HasMaxLength(ReferralLimits.Code);
        c.Property(x => x.Summary).HasMaxLength(ReferralLimits.Summary);
        c.Property(x => x.PoliceAction).HasMaxLength(ReferralLimits.PoliceAction);
        c.Property(x => x.OfficerName).HasMaxLength(ReferralLimits.PersonName);
        c.Property(x => x.ContentHash).HasMaxLength(64);
        c.Property(x => x.LeadDepartmentCode).HasMaxLength(ReferralLimits.Code);
        c.Property(x => x.RoutingExplanation).HasMaxLength(1000);
        c.Property(x => x.OnHoldReason).HasMaxLength(500);
        c.Property(x => x.AgreementSummary).HasMaxLength(2000);
        c.Property(x => x.LastTimelineHash).HasMaxLength(64);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.PrimitiveCollection(x => x.CoHandlerCodes);
        c.OwnsMany(x => x.GradingFactors, f =>
        {
            f.ToJson();
            f.Property(x => x.Code).HasMaxLength(40);
        });
        c.OwnsMany(x => x.PossibleLinks, l =>
        {
            l.ToJson();
            l.Property(x => x.EarlierIncidentNumber).HasMaxLength(ReferralLimits.IncidentNumber);
            l.Property(x => x.Address).HasMaxLength(ReferralLimits.Address);
            l.Property(x => x.DecidedBy).HasMaxLength(100);
            l.Property(x => x.Reason).HasMaxLength(CaseLimits.Reason);
        });
        c.ComplexProperty(x => x.Risk);
        c.OwnsMany(x => x.Parties, p =>
        {
            p.ToTable("CaseParties");
            p.WithOwner().HasForeignKey("CaseId");
            p.HasKey(x => x.Id);
            p.Property(x => x.Name).HasMaxLength(ReferralLimits.PersonName);
            p.Property(x => x.Gender).HasMaxLength(8);
            p.Property(x => x.Phone).HasMaxLength(20);
            p.Property(x => x.IdNumber).HasMaxLength(18);
            p.Property(x => x.Address).HasMaxLength(ReferralLimits.Address);
            p.Property(x => x.Role).HasMaxLength(ReferralLimits.Role);
        });
        c.HasIndex(x => new { x.Status, x.Color });
        c.HasIndex(x => new { x.LeadDepartmentCode, x.Status });
        c.HasIndex(x => x.ReferredAt);
        c.HasIndex(x => x.AcceptedAt);
        c.HasIndex(x => x.ClosedAt);
        c.HasIndex(x => x.NextEscalationCheckAt);
        c.HasIndex(x => new { x.Status, x.ScheduleVersion });
        c.Property(x => x.ScheduleVersion).HasMaxLength(16);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> t)
    {
        t.ToTable("Timeline");
        t.HasKey(x => x.Id);
        t.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        t.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        t.Property(x => x.ActorName).HasMaxLength(100);
        t.Property(x => x.ActorRole).HasMaxLength(32);
        t.Property(x => x.ActorDepartmentCode).HasMaxLength(ReferralLimits.Code);
        t.Property(x => x.Note).HasMaxLength(4000);
        t.Property(x => x.Details).HasMaxLength(2000);
        t.Ignore(x => x.Event);
        t.Ignore(x => x.IsSealed);
        // The typed event and the state it left: as long as the texts they carry (a note and a next step of 2,000 characters each).
        t.Property(x => x.Payload);
        t.Property(x => x.State);
        t.Property(x => x.PreviousHash).HasMaxLength(64);
        t.Property(x => x.Hash).HasMaxLength(64);
        t.HasIndex(x => new { x.Action, x.At });
    }
}

internal sealed class PartyFingerprintConfiguration : IEntityTypeConfiguration<PartyFingerprint>
{
    public void Configure(EntityTypeBuilder<PartyFingerprint> f)
    {
        f.HasKey(x => x.Id);
        f.Property(x => x.Hash).HasMaxLength(64);
        f.HasIndex(x => new { x.Hash, x.OccurredAt });
        f.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
