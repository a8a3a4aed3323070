using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Referral.Data;

namespace Referral.Service.Infrastructure;

public static class DataExtensions
{
    /// <summary>
    /// The EF Core context for the configured provider, registered as <see cref="ReferralDbContext"/>, with
    /// every <see cref="IInterceptor"/> the features register (the case-events hook of Cases/).
    /// </summary>
    public static IHostApplicationBuilder AddReferralData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            builder.Services.AddDbContext<ReferralDbContext, SqlServerReferralDbContext>((sp, o) =>
                o.UseReferralSqlServer(options.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString);
            builder.Services.AddDbContext<ReferralDbContext, SqliteReferralDbContext>((sp, o) =>
                o.UseReferralSqlite(connectionString).AddInterceptors(new SqlitePragmas()).AddInterceptors(sp.GetServices<IInterceptor>()));
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
/// Applies migrations at start. The first attempt is made before the other hosted services start
/// (so that the key ring, the scheduler and the relays find their tables); if the database is not
/// there yet, the service starts anyway, reports not-ready, and keeps trying in the background.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, DatabaseState state,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private static readonly TimeSpan FirstAttempt = TimeSpan.FromSeconds(15);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FirstAttempt);
        await TryMigrateAsync(timeout.Token);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!state.IsMigrated && !stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            await TryMigrateAsync(stoppingToken);
        }
    }

    private async Task TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            if (options.Value.MigrateOnStart) await db.Database.MigrateAsync(cancellationToken);
            else if (!await db.Database.CanConnectAsync(cancellationToken)) throw new InvalidOperationException("the database cannot be reached");
            state.LastError = null;
            state.MarkMigrated();
        }
        catch (Exception ex)
        {
            state.LastError = ex.Message;
            logger.LogWarning("Database not ready ({Error}); the service keeps trying", ex.Message);
        }
    }
}
