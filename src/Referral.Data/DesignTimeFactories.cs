using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Referral.Data;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteReferralDbContext>
{
    public SqliteReferralDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteReferralDbContext>().UseReferralSqlite("Data Source=design.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerReferralDbContext>
{
    public SqlServerReferralDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerReferralDbContext>()
            .UseReferralSqlServer("Server=localhost;Database=Referral;Integrated Security=true;TrustServerCertificate=true").Options);
}
