using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Data;

namespace Referral.Service.Infrastructure;

public static class DataExtensions
{
    /// <summary>The EF Core context for the configured provider, registered as <see cref="ReferralDbContext"/>.</summary>
    public static IHostApplicationBuilder AddReferralData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContext<ReferralDbContext, SqlServerReferralDbContext>(o => o.UseReferralSqlServer(options.ConnectionString));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString);
            builder.Services.AddDbContext<ReferralDbContext, SqliteReferralDbContext>(o =>
                o.UseReferralSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
        }
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddSingleton<DatabaseState>();
        return builder;
    }

    /// <summary>Relative SQLite paths are taken from the working directory, and the folder is created.</summary>
    private static string SqliteConnectionString(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !csb.DataSource.StartsWith("file:", StringComparison.Ordinal) && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(csb.DataSource, Directory.GetCurrentDirectory());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}

/// <summary>Knows whether the schema is in place; readiness and background work wait for it.</summary>
public sealed class DatabaseState
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompletedSuccessfully;
    public Task Migrated => _migrated.Task;
    public string? LastError { get; set; }

    public void MarkMigrated() => _migrated.TrySetResult();
}

/// <summary>
/// Applies migrations at start, and keeps trying while the database is unreachable, so that the
/// service can start before its database and report not-ready meanwhile.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, DatabaseState state,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
                if (options.Value.MigrateOnStart) await db.Database.MigrateAsync(stoppingToken);
                else await db.Database.CanConnectAsync(stoppingToken);
                state.LastError = null;
                state.MarkMigrated();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                state.LastError = ex.Message;
                logger.LogWarning("Database not ready ({Error}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
