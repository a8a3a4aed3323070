namespace Referral.Reliability.Tests.Support;

/// <summary>
/// How hard the faults hit. The CI profile (default) keeps the suite within a few minutes on two cores;
/// <c>REFERRAL_FAULTS=full</c> runs the figures: 10,000-referral bursts, a 30-second database
/// outage, the broker a minute late, the SMTP server ten minutes down.
/// </summary>
public sealed record FaultProfile(string Name, int Burst, double Rate, TimeSpan DatabaseOutage, TimeSpan BrokerLate, TimeSpan SmtpOutage, TimeSpan Settle)
{
    public static readonly FaultProfile Ci = new("ci", Burst: 2_000, Rate: 400, DatabaseOutage: TimeSpan.FromSeconds(12),
        BrokerLate: TimeSpan.FromSeconds(20), SmtpOutage: TimeSpan.FromSeconds(20), Settle: TimeSpan.FromMinutes(3));

    public static readonly FaultProfile Full = new("full", Burst: 10_000, Rate: 400, DatabaseOutage: TimeSpan.FromSeconds(30),
        BrokerLate: TimeSpan.FromMinutes(1), SmtpOutage: TimeSpan.FromMinutes(10), Settle: TimeSpan.FromMinutes(20));

    public static FaultProfile Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable("REFERRAL_FAULTS"), "full", StringComparison.OrdinalIgnoreCase) ? Full : Ci;

    /// <summary>How long the burst takes at its rate (the faults strike inside it).</summary>
    public TimeSpan BurstDuration => TimeSpan.FromSeconds(Burst / Rate);
}
