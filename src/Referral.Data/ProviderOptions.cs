using Microsoft.EntityFrameworkCore;

namespace Referral.Data;

public static class ProviderOptions
{
    public static TBuilder UseReferralSqlite<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlite(connectionString);
        return builder;
    }

    public static TBuilder UseReferralSqlServer<TBuilder>(this TBuilder builder, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSqlServer(connectionString);
        return builder;
    }
}
