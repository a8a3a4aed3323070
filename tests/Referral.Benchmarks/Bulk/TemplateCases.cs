using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Service.Calendar;
using Referral.Service.Escalation;

namespace Referral.Benchmarks.Bulk;

/// <summary>
/// A thousand real cases made through the domain and scheduled by the service's rules (deadlines,
/// next escalation check, schedule version), to be cloned by the thousand: one in
/// <c>openShare</c> still open (routed, accepted or in progress, referred up to 20 days ago), the rest
/// closed over the last two years.
/// </summary>
internal static class TemplateCases
{
    public const int Count = 1000;

    private static readonly string[] Types =
        ["neighbour", "marriage-family", "romance", "housing-land", "consumer", "labour-wages", "contract-debt", "damages", "traffic-accident", "other"];

    public static async Task AddAsync(ReferralDbContext db, CaseSchedule schedule, CalendarProvider calendars, string department, int openShare,
        DateTimeOffset now)
    {
        var random = new Random(11);
        for (var i = 0; i < Count; i++)
        {
            var open = i % openShare == 0;
            var at = TimelineEntry.ToStoredPrecision(now - TimeSpan.FromHours(open ? random.NextDouble() * 24 * 20 : 24 * 30 + random.NextDouble() * 24 * 700));
            db.Cases.Add(open ? Open(random, schedule, department, i, at, now) : Closed(random, schedule, calendars, department, i, at, now));
        }
        await db.SaveChangesAsync();
    }

    private static Case Referred(Random random, CaseSchedule schedule, string department, int i, DateTimeOffset at)
    {
        var referral = new ValidReferral
        {
            IncidentNumber = $"TEMPLATE{i:D5}", StationCode = "gutang", OccurredAt = at.AddHours(-2), Address = "慈溪市古塘街道塘东村3组12号",
            DisputeTypeCode = Types[random.Next(Types.Length)], Summary = "邻里因排水问题发生争执，民警到场劝解", PoliceAction = "劝解",
            Parties =
            [
                new Party { Name = "王小明", Gender = "男", Phone = "13800000000", Role = "申请人" },
                new Party { Name = "李红", Gender = "女", Role = "被申请人" },
            ],
            Risk = new RiskAssessment(),
        };
        var c = Case.Refer(Guid.CreateVersion7(at), referral, "bench", Actor.StationSystem("gutang"), at);
        c.Grade(new GradingResult((WarningColor)random.Next(3), []), at);
        c.Route(new RoutingDecision(null, department, [], null, "bench", []), at);
        schedule.Refresh(c);
        return c;
    }

    private static Case Open(Random random, CaseSchedule schedule, string department, int i, DateTimeOffset at, DateTimeOffset now)
    {
        var c = Referred(random, schedule, department, i, at);
        var acceptedAt = at.AddHours(1 + random.NextDouble() * 6);
        if (random.Next(3) == 0 || acceptedAt > now) return c;
        var handler = new Actor($"handler-{department}", Roles.Handler, department);
        c.Accept(handler, null, acceptedAt);
        schedule.Refresh(c);
        for (var progressAt = acceptedAt.AddDays(1); progressAt < now && random.Next(4) != 0; progressAt = progressAt.AddDays(1))
        {
            c.RecordProgress(handler, ProgressKind.Call, "电话联系当事人", null, progressAt);
            schedule.Refresh(c);
        }
        return c;
    }

    private static Case Closed(Random random, CaseSchedule schedule, CalendarProvider calendars, string department, int i, DateTimeOffset at,
        DateTimeOffset now)
    {
        var c = Referred(random, schedule, department, i, at);
        var handler = new Actor($"handler-{department}", Roles.Handler, department);
        var acceptedAt = at.AddHours(2);
        c.Accept(handler, null, acceptedAt);
        schedule.Refresh(c);
        var closeAt = acceptedAt.AddDays(1 + random.Next(10));
        c.RecordProgress(handler, ProgressKind.Call, "电话联系当事人", null, acceptedAt.AddDays(1));
        c.Close(handler, CaseOutcome.AgreementReached, "达成协议", calendars, closeAt < now ? closeAt : now);
        schedule.Refresh(c);
        return c;
    }
}
