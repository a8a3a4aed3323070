using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Referral.Data.Tests;

/// <summary>
/// The two migration sets follow the one model, and the SQL Server scripts under deploy/sqlserver
/// are what the code would produce. Regenerate with eng/add-migration.sh and eng/sqlserver-script.sh.
/// </summary>
public sealed class SchemaTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Referral.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Referral.sln not found above the test directory");
    }

    [Test]
    public void Sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a migration: run eng/add-migration.sh NAME");
    }

    [Test]
    public void SqlServer_migrations_cover_the_whole_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "The model changed without a migration: run eng/add-migration.sh NAME");
    }

    [Test]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.That(Names(sqlite), Is.EqualTo(Names(sqlServer)));
    }

    [Test]
    public void Committed_SqlServer_schema_script_is_up_to_date()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "deploy", "sqlserver", "referral-schema.sql"));

        Assert.That(Normalize(committed), Is.EqualTo(Normalize(expected)),
            "deploy/sqlserver/referral-schema.sql is out of date: run eng/sqlserver-script.sh");
    }

    [Test]
    public void Committed_Quartz_schema_script_matches_the_Quartz_version_in_use()
    {
        var assembly = typeof(Quartz.IScheduler).Assembly;
        using var stream = assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql")!;
        var expected = new StreamReader(stream).ReadToEnd();
        var path = Path.Combine(RepositoryRoot(), "deploy", "sqlserver", "quartz-schema.sql");
        if (Environment.GetEnvironmentVariable("REFERRAL_WRITE_SCRIPTS") == "1")
        {
            // eng/sqlserver-script.sh regenerates the committed copy this way.
            var version = assembly.GetName().Version;
            File.WriteAllText(path, $"-- Quartz.NET {version} job-store tables for SQL Server: Quartz's own script, embedded in Quartz.dll.\n" +
                                    "-- Run once per database before starting clustered schedulers (Scheduling:Clustered), unless the\n" +
                                    "-- service's login may create tables: it then provisions what is missing at start.\n\n" + expected);
        }
        var committed = File.ReadAllText(path);

        Assert.That(Normalize(committed), Does.EndWith(Normalize(expected)),
            "deploy/sqlserver/quartz-schema.sql is not Quartz's own script for this version: run eng/sqlserver-script.sh");
    }

    [Test]
    public async Task Sqlite_migrations_build_an_empty_database_from_scratch()
    {
        var path = Path.Combine(Path.GetTempPath(), $"referral-schema-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteReferralDbContext>().UseReferralSqlite($"Data Source={path};Pooling=false").Options;
        await using (var db = new SqliteReferralDbContext(options))
        {
            await db.Database.MigrateAsync();
            Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
            Assert.That(await db.Cases.CountAsync(), Is.Zero);
        }
        File.Delete(path);
    }

    private static string Normalize(string sql) => sql.Replace("\uFEFF", "", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
