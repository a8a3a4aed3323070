namespace Referral.Service.Scheduling;

public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// Keep Quartz's jobs and triggers in the SQL Server database, clustered across instances (each
    /// firing runs on one instance). Needs <c>Database:Provider = SqlServer</c>; SQLite runs in memory.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>Time zone of every schedule (cron expressions are read in it).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The escalation sweep (三色预警): every 5 minutes.</summary>
    public string EscalationSweepCron { get; set; } = "0 0/5 * * * ?";

    /// <summary>How often the digest job looks for digests and reminders that are due (times are in Digests:*).</summary>
    public string DigestCron { get; set; } = "0 0/5 * * * ?";

    /// <summary>Housekeeping (old outbox and inbox rows), as a Quartz cron expression.</summary>
    public string HousekeepingCron { get; set; } = "0 15 * * * ?";
}
