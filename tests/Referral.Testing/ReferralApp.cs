using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Referral.Service.Demo;
using Referral.Service.Infrastructure;

namespace Referral.Testing;

public sealed record ReferralAppOptions
{
    /// <summary>Replace the bus with MassTransit's in-memory test harness.</summary>
    public bool TestHarness { get; init; } = true;

    /// <summary>Use real RabbitMQ on this virtual host (created for the test) instead of the in-memory transport.</summary>
    public string? RabbitMqVirtualHost { get; init; }

    /// <summary>Serve on a real Kestrel port (for the browser) instead of the in-process test server.</summary>
    public bool Kestrel { get; init; }

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
    public Action<IServiceCollection>? Services { get; init; }
}

/// <summary>
/// The service hosted for a test fixture, on its own database (a SQLite file in a temp folder, or a
/// fresh database on the SQL Server named by REFERRAL_TEST_SQLSERVER) and its own mail folder.
/// </summary>
public sealed class ReferralApp : WebApplicationFactory<Program>
{
    private readonly ReferralAppOptions _options;

    public ReferralApp(ReferralAppOptions? options = null)
    {
        _options = options ?? new ReferralAppOptions();
        Directory.CreateDirectory(DataDirectory);
        if (_options.Kestrel) UseKestrel(0);
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "referral-tests", Guid.NewGuid().ToString("N"));
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>The base address of the Kestrel server (with <see cref="ReferralAppOptions.Kestrel"/>).</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestEnvironment.SqlServer is null ? "Sqlite" : "SqlServer",
            ["Database:ConnectionString"] = TestEnvironment.SqlServer is { } sql
                ? $"{sql.TrimEnd(';')};Database=referral_test_{Guid.NewGuid():N}"
                : $"Data Source={Path.Combine(DataDirectory, "referral.db")}",
            ["Mail:Mode"] = "Pickup",
            ["Mail:PickupDirectory"] = MailDirectory,
            ["Demo:Seed"] = "true",
            ["Intake:FingerprintKey"] = "test-fingerprint-key-0123456789abcdef",
            ["Outbox:PollInterval"] = "00:00:00.200",
            // Browser tests sign in through the page dozens of times a minute from one address; RateLimitTests sets its own.
            ["RateLimits:LoginsPerMinute"] = "10000",
        };
        if (_options.RabbitMqVirtualHost is { } vhost)
        {
            settings["Bus:Transport"] = "RabbitMq";
            settings["Bus:Host"] = TestEnvironment.RabbitMqHost;
            settings["Bus:Port"] = TestEnvironment.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Bus:VirtualHost"] = vhost;
        }
        foreach (var (key, value) in _options.Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            if (_options.TestHarness && _options.RabbitMqVirtualHost is null)
            {
                // The fixture's host lives for all its tests, so the harness must never decide that the test is
                // over (once its inactivity token fires, every wait returns at once): tests pass their own timeout.
                services.AddMassTransitTestHarness(x => x.SetTestTimeouts(testTimeout: TimeSpan.FromHours(1), testInactivityTimeout: TimeSpan.FromHours(1)));
            }
            _options.Services?.Invoke(services);
        });
    }

    /// <summary>Starts the host and waits until the schema is migrated and the demo data seeded.</summary>
    public async Task StartAsync()
    {
        if (_options.Kestrel) StartServer();
        else _ = Server;
        await Services.GetRequiredService<DatabaseState>().Migrated.WaitAsync(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<DemoSeeder>().Seeded.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDelete(DataDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}
