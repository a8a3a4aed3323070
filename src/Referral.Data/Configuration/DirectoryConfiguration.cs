using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Referral.Core.Reference;
using Referral.Core.Routing;

namespace Referral.Data.Configuration;

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> s)
    {
        s.HasKey(x => x.Code);
        s.Property(x => x.Code).HasMaxLength(40);
        s.Property(x => x.Name).HasMaxLength(100);
        s.Property(x => x.Email).HasMaxLength(200);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> d)
    {
        d.HasKey(x => x.Code);
        d.Property(x => x.Code).HasMaxLength(40);
        d.Property(x => x.Name).HasMaxLength(100);
        d.Property(x => x.Email).HasMaxLength(200);
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> a)
    {
        a.HasKey(x => x.Code);
        a.Property(x => x.Code).HasMaxLength(40);
        a.Property(x => x.Name).HasMaxLength(100);
        a.Property(x => x.DepartmentCode).HasMaxLength(40);
        a.PrimitiveCollection(x => x.Aliases);
    }
}

internal sealed class DisputeTypeConfiguration : IEntityTypeConfiguration<DisputeType>
{
    public void Configure(EntityTypeBuilder<DisputeType> t)
    {
        t.HasKey(x => x.Code);
        t.Property(x => x.Code).HasMaxLength(40);
        t.Property(x => x.NameZh).HasMaxLength(50);
        t.Property(x => x.NameEn).HasMaxLength(100);
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Name).HasMaxLength(100);
        r.Property(x => x.LeadDepartmentCode).HasMaxLength(40);
        r.Property(x => x.ChangedBy).HasMaxLength(100);
        r.Property(x => x.Version).IsConcurrencyToken();
        r.PrimitiveCollection(x => x.DisputeTypeCodes);
        r.PrimitiveCollection(x => x.AreaCodes);
        r.PrimitiveCollection(x => x.Keywords);
        r.PrimitiveCollection(x => x.CoHandlerCodes);
    }
}

internal sealed class RoutingRuleVersionConfiguration : IEntityTypeConfiguration<RoutingRuleVersion>
{
    public void Configure(EntityTypeBuilder<RoutingRuleVersion> r)
    {
        r.HasKey(x => x.Id);
        r.HasIndex(x => new { x.RuleId, x.Version }).IsUnique();
        r.Property(x => x.Name).HasMaxLength(100);
        r.Property(x => x.LeadDepartmentCode).HasMaxLength(40);
        r.Property(x => x.ChangedBy).HasMaxLength(100);
        r.PrimitiveCollection(x => x.DisputeTypeCodes);
        r.PrimitiveCollection(x => x.AreaCodes);
        r.PrimitiveCollection(x => x.Keywords);
        r.PrimitiveCollection(x => x.CoHandlerCodes);
    }
}
