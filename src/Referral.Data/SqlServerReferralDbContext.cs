using Microsoft.EntityFrameworkCore;

namespace Referral.Data;

/// <summary>Production. Migrations in <c>Migrations/SqlServer</c>; the idempotent script in <c>deploy/sqlserver</c>.</summary>
public sealed class SqlServerReferralDbContext(DbContextOptions<SqlServerReferralDbContext> options) : ReferralDbContext(options);
