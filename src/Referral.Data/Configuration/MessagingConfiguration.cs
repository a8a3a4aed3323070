using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referral.Data.Identity;
using Referral.Data.Messaging;

namespace Referral.Data.Configuration;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> o)
    {
        o.ToTable("Outbox");
        o.HasKey(x => x.Id);
        o.HasIndex(x => x.MessageId).IsUnique();
        o.Property(x => x.MessageType).HasMaxLength(200);
        o.Property(x => x.LockedBy).HasMaxLength(100);
        o.Property(x => x.LastError).HasMaxLength(2000);
        o.HasIndex(x => new { x.PublishedAt, x.AvailableAt });
        o.HasIndex(x => new { x.CaseId, x.Id });
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> i)
    {
        i.ToTable("Inbox");
        i.HasKey(x => new { x.MessageId, x.Consumer });
        i.Property(x => x.Consumer).HasMaxLength(100);
        i.HasIndex(x => x.ProcessedAt);
    }
}

internal sealed class DeadLetterConfiguration : IEntityTypeConfiguration<DeadLetter>
{
    public void Configure(EntityTypeBuilder<DeadLetter> d)
    {
        d.ToTable("DeadLetters");
        d.HasKey(x => x.Id);
        d.HasIndex(x => new { x.Queue, x.FailedAt });
        d.HasIndex(x => x.MessageId);
        d.Property(x => x.Queue).HasMaxLength(200);
        d.Property(x => x.ContentType).HasMaxLength(100);
        d.Property(x => x.Reason).HasMaxLength(4000);
        d.Property(x => x.IncidentNumber).HasMaxLength(40);
        d.Property(x => x.StationCode).HasMaxLength(40);
        d.Property(x => x.RequeuedBy).HasMaxLength(100);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> m)
    {
        m.ToTable("OutgoingMail");
        m.HasKey(x => x.Id);
        m.HasIndex(x => x.Key).IsUnique();
        m.HasIndex(x => new { x.SentAt, x.AvailableAt });
        m.Property(x => x.Key).HasMaxLength(300);
        m.Property(x => x.Kind).HasMaxLength(40);
        m.Property(x => x.ToAddress).HasMaxLength(200);
        m.Property(x => x.ToName).HasMaxLength(100);
        m.Property(x => x.Subject).HasMaxLength(300);
        m.Property(x => x.MessageId).HasMaxLength(200);
        m.Property(x => x.LockedBy).HasMaxLength(100);
        m.Property(x => x.LastError).HasMaxLength(2000);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.HasKey(x => x.Id);
        k.HasIndex(x => x.Hash).IsUnique();
        k.Property(x => x.Hash).HasMaxLength(64);
        k.Property(x => x.Prefix).HasMaxLength(12);
        k.Property(x => x.StationCode).HasMaxLength(40);
        k.Property(x => x.Name).HasMaxLength(100);
        k.Property(x => x.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class RevealAuditConfiguration : IEntityTypeConfiguration<RevealAudit>
{
    public void Configure(EntityTypeBuilder<RevealAudit> r)
    {
        r.HasKey(x => x.Id);
        r.HasIndex(x => x.CaseId);
        r.Property(x => x.UserName).HasMaxLength(100);
        r.Property(x => x.Role).HasMaxLength(32);
        r.Property(x => x.Reason).HasMaxLength(500);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> u)
    {
        u.Property(x => x.DisplayName).HasMaxLength(100);
        u.Property(x => x.StationCode).HasMaxLength(40);
        u.Property(x => x.DepartmentCode).HasMaxLength(40);
    }
}
