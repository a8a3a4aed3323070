using Microsoft.Extensions.Options;
using Quartz;
using Referral.Service.Digests;
using Referral.Service.Escalation;
using Referral.Service.Infrastructure;

namespace Referral.Service.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz, used directly (MassTransit.Quartz is not available): in memory on the embedded default,
    /// a clustered ADO.NET store on SQL Server in production.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section).ValidateOnStart();
        var options = builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Clustered && database.Provider != DatabaseProvider.SqlServer)
            throw new OptionsValidationException(SchedulingOptions.Section, typeof(SchedulingOptions),
                ["Scheduling:Clustered needs Database:Provider = SqlServer (Quartz's SQLite store cannot cluster)."]);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "referral";
                s.GenerateInstanceId = true;
            });
            if (options.Clustered)
            {
                q.UsePersistentStore(store =>
                {
                    store.UseSqlServer(database.ConnectionString);
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.ScheduleJob<EscalationSweepJob>(t => t.WithIdentity("escalation-sweep")
                .WithCronSchedule(options.EscalationSweepCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.ScheduleJob<DigestJob>(t => t.WithIdentity("digests")
                .WithCronSchedule(options.DigestCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            q.ScheduleJob<HousekeepingJob>(t => t.WithIdentity("housekeeping")
                .WithCronSchedule(options.HousekeepingCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        builder.Services.AddHostedService<SchedulerHost>();
        return builder;
    }
}
