using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referral.Data;

/// <summary>The embedded default. Migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteReferralDbContext(DbContextOptions<SqliteReferralDbContext> options) : ReferralDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        // SQLite has no date type; as binary-encoded UTC ticks, instants compare and sort in SQL.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
