using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referral.Service.Calendar;
using Referral.Service.Dashboard;
using Referral.Benchmarks.Infrastructure;
using Referral.Testing;

namespace Referral.Benchmarks.Statistics;

/// <summary>
/// <c>--statistics [cases] [database file to create once and reuse]</c>: what the dashboard's statistics
/// cost over a database of many cases (default 100,000), query family by query family (docs/statistics.md).
/// </summary>
internal static class StatisticsBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var reuse = args.Length > 1 ? Path.GetFullPath(args[1]) : null;
        var commands = new CommandTimes();
        Repository.PointTestHostAtService();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Referral.Service.Dashboard"] = "Information",
            ["Logging:Console:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogLevel:Referral.Service.Dashboard"] = "Warning",
        };
        if (reuse is not null) settings["Database:ConnectionString"] = $"Data Source={reuse}";
        await using var app = new ReferralApp(new ReferralAppOptions
        {
            Settings = settings,
            Services = services => services.AddSingleton<ILoggerProvider>(commands),
        });
        await app.StartAsync();

        var now = DateTimeOffset.UtcNow;
        if (await ManyCases.CountAsync(app) is var existing and > 0)
        {
            Console.WriteLine($"reusing {reuse} with {existing:N0} cases");
        }
        else
        {
            var seeding = Stopwatch.StartNew();
            var (cases, entries) = await ManyCases.SeedAsync(app, count, now);
            Console.WriteLine($"seeded {cases:N0} cases and {entries:N0} timeline entries over 24 months in {seeding.Elapsed.TotalSeconds:0.0} s");
        }

        var zone = app.Services.GetRequiredService<CalendarProvider>().Current.TimeZone;
        var twelve = StatisticsPeriod.LastTwelveMonths(now, zone);
        var periods = new[] { ("last 12 months", twelve), ("last 24 months", twelve with { From = twelve.From.AddMonths(-12) }), ("one month", twelve with { From = twelve.To }) };
        foreach (var (name, period) in periods)
        {
            for (var run = 1; run <= 4; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var statistics = scope.ServiceProvider.GetRequiredService<Referral.Service.Dashboard.Statistics>();
                commands.Recording = true;
                var watch = Stopwatch.StartNew();
                var report = await statistics.ComputeAsync(period, now, CancellationToken.None);
                watch.Stop();
                commands.Recording = false;
                var queries = commands.TakeAll();
                Console.WriteLine($"{name}, run {run}: {watch.ElapsedMilliseconds} ms in all ({report.Headline.Referred:N0} referred, " +
                                  $"{report.Headline.DailyFeedback.Required:N0} 日清 pairs): {string.Join("; ", queries.Select(q => q.Sql))}");
            }
        }

        using var supervisor = await app.CreateUserClientAsync("supervisor");
        for (var run = 1; run <= 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var html = await supervisor.GetStringAsync("/dashboard");
            Console.WriteLine($"GET /dashboard, run {run}: {watch.ElapsedMilliseconds} ms, {html.Length / 1024} KiB");
        }
    }
}
