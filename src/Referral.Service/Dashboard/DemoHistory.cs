using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Data;
using Referral.Service.Calendar;
using Referral.Service.Demo;
using Referral.Service.Reference;

namespace Referral.Service.Dashboard;

/// <summary>
/// <c>Demo:History</c>: about 400 past cases over the last 24 months, so that someone trying the
/// embedded default sees a dashboard with something on it. Every case is made by the domain's own
/// methods (refer, grade, route, accept, daily progress, close, follow-up visit...), so trajectories
/// and their hashes are real. Deterministic: a fixed seed, dates counted back from today. Runs only
/// on a database without cases.
/// </summary>
public sealed class DemoHistory(ReferralDbContext db, ReferenceDataCache reference, GradingPolicy grading, RecurrenceRule recurrence,
    Fingerprints fingerprints, CalendarProvider calendars, TimeProvider time, ILogger<DemoHistory> logger)
{
    private const int Seed = 20260424;

    /// <summary>Cases a month, before seasons and chance: a year ago, and this year (about 9% fewer, as in Gutang).</summary>
    private const double PreviousYearPerMonth = 18.2;
    private const double ThisYearPerMonth = 16.6;

    /// <summary>More disputes in the summer and before the Spring Festival (debts, wages), fewer in the autumn.</summary>
    private static readonly double[] Season = [1.1, 1.0, 0.9, 0.95, 1.0, 1.05, 1.15, 1.1, 1.0, 0.95, 0.9, 1.0];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Cases.AnyAsync(cancellationToken)) return 0;
        await reference.InvalidateAsync(cancellationToken);
        var now = time.GetUtcNow();
        var random = new Random(Seed);
        var life = new DemoCaseLife(calendars, grading, reference, now);
        var zone = calendars.Current.TimeZone;
        var thisMonth = StatisticsPeriod.LastTwelveMonths(now, zone).To;
        var cases = new List<Case>();
        for (var back = 23; back >= 0; back--)
        {
            var month = thisMonth.AddMonths(-back);
            var start = StatisticsPeriod.StartOf(month, zone);
            var end = StatisticsPeriod.StartOf(month.AddMonths(1), zone);
            var perMonth = (back >= 12 ? PreviousYearPerMonth : ThisYearPerMonth) * Season[month.Month - 1];
            var count = (int)Math.Round(perMonth + random.NextDouble() * 4 - 2);
            var instants = Enumerable.Range(0, count)
                .Select(_ => start + (end - start) * random.NextDouble())
                .Where(at => at < now - TimeSpan.FromHours(1))
                .Order();
            foreach (var referredAt in instants)
                cases.Add(life.Live(new Random(random.Next()), cases, referredAt, turnedCriminal: back == 18 && cases.All(c => !c.TurnedCriminal)));
        }
        db.Cases.AddRange(cases);
        // Fingerprinted as the intake does, so that a new referral of the same person or dwelling finds its earlier case.
        db.PartyFingerprints.AddRange(cases.SelectMany(c => recurrence.PrintsOf(fingerprints, c.Address, c.AreaCode, c.Parties, reference.Areas)
            .Select(p => PartyFingerprint.Of(p, c.Id, c.OccurredAt))));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo history: {Cases} cases over the last 24 months, {Entries} timeline entries",
            cases.Count, cases.Sum(c => c.TimelineCount));
        return cases.Count;
    }

    /// <summary>A stand-in for the intake's hash of the referral: the demo's incidents are never re-sent.</summary>
    internal static string ContentHash(ValidReferral referral) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{referral.StationCode}/{referral.IncidentNumber}")));

    internal static string StationCode => DemoData.StationCode;
}
