using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Service.Calendar;
using Referral.Testing;

namespace Referral.Benchmarks.Statistics;

/// <summary>
/// Many cases spread evenly over the last two years, each through the domain: referred, graded, routed,
/// and unless too recent accepted, fed back on most working days and closed; one in fourteen a recurrence.
/// About ten timeline entries a case, as in real use.
/// </summary>
internal static class ManyCases
{
    private static readonly string[] Types =
        ["neighbour", "marriage-family", "romance", "housing-land", "consumer", "labour-wages", "contract-debt", "damages", "traffic-accident", "other"];

    private static readonly string[] Departments = ["fulian", "sfs", "scjg", "zhzf", "ldjc", "tjgzs", "tangdong", "tangxi", "chaotang", "haiyan"];

    public static async Task<int> CountAsync(ReferralApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralDbContext>().Cases.CountAsync();
    }

    public static async Task<(int Cases, long Entries)> SeedAsync(ReferralApp app, int count, DateTimeOffset now)
    {
        var random = new Random(7);
        var start = now.AddDays(-730);
        var recent = new Queue<Guid>();
        long entries = 0;
        for (var first = 0; first < count; first += 2000)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            var calendars = scope.ServiceProvider.GetRequiredService<CalendarProvider>();
            for (var i = first; i < Math.Min(count, first + 2000); i++)
            {
                var at = TimelineEntry.ToStoredPrecision(start + (now - start) * ((double)i / count));
                var c = Live(random, calendars, recent, i, at, now);
                recent.Enqueue(c.Id);
                if (recent.Count > 500) recent.Dequeue();
                entries += c.TimelineCount;
                db.Cases.Add(c);
            }
            await db.SaveChangesAsync();
        }
        return (count, entries);
    }

    private static Case Live(Random random, CalendarProvider calendars, Queue<Guid> recent, int i, DateTimeOffset at, DateTimeOffset now)
    {
        var calendar = calendars.Current;
        var referral = new ValidReferral
        {
            IncidentNumber = $"BENCH{i:D7}", StationCode = "gutang", OccurredAt = at.AddHours(-2), Address = "慈溪市古塘街道塘东村3组12号",
            DisputeTypeCode = Types[random.Next(Types.Length)], Summary = "压力测试", PoliceAction = "劝解", Parties = [], Risk = new RiskAssessment(),
        };
        var c = Case.Refer(Guid.CreateVersion7(at), referral, "bench", Actor.StationSystem("gutang"), at);
        c.Grade(new GradingResult((WarningColor)random.Next(3), []), at);
        if (recent.Count > 0 && random.Next(14) == 0)
            c.LinkRecurrence(new RecurrenceMatch(recent.ElementAt(random.Next(recent.Count)), "BENCH", FingerprintKind.Phone, "138****1234"), at);
        var department = Departments[random.Next(Departments.Length)];
        c.Route(new RoutingDecision(null, department, [], null, "bench", []), at);
        c.AcceptDueAt = calendar.AddWorkingTime(at, TimeSpan.FromHours(24));
        var acceptedAt = calendar.AddWorkingTime(at, TimeSpan.FromHours(0.5 + random.NextDouble() * 20));
        if (acceptedAt > now) return c;
        var handler = new Actor($"handler-{department}", Roles.Handler, department);
        c.Accept(handler, null, acceptedAt);
        c.ResolveDueAt = calendar.AddWorkingDays(acceptedAt, 15);
        var closeAt = calendar.AddWorkingTime(acceptedAt, calendar.WorkingDayLength * (1 + random.NextDouble() * 12));
        for (var day = calendar.DateOf(acceptedAt).AddDays(1); day <= calendar.DateOf(closeAt); day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day) || random.Next(10) == 0) continue;
            var progressAt = calendar.StartOfWorkingDay(day).AddMinutes(random.Next(10, 480));
            if (progressAt >= closeAt || progressAt > now) break;
            c.RecordProgress(handler, ProgressKind.Call, "电话联系当事人", null, progressAt);
        }
        if (closeAt > now) return c;
        c.Close(handler, random.Next(5) == 0 ? CaseOutcome.NotResolvable : CaseOutcome.AgreementReached, "达成协议", calendars, closeAt);
        return c;
    }
}
