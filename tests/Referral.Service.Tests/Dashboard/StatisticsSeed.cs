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

namespace Referral.Service.Tests.Dashboard;

/// <summary>
/// Cases with hand-chosen instants (Asia/Shanghai wall clock, UTC+8), made through the domain and stored
/// as they are, for figures that can be worked out on paper. The hand computation of every figure is in
/// <see cref="StatisticsTests"/>. Calendar: the shipped 2025–2026 file (清明 4–6 April 2026, 劳动节
/// 1–5 May 2026 with Saturday 9 May worked, Saturday 28 February 2026 worked).
/// </summary>
internal sealed class StatisticsSeed(IWorkingTime workingTime)
{
    private static readonly Actor Station = Actor.StationSystem("gutang");
    private static readonly Actor Coordinator = new("coordinator", Roles.Coordinator, "center");
    private int _number;

    public List<Case> Cases { get; } = [];

    /// <summary>
    /// A Shanghai wall-clock time as the service holds instants: in UTC. (SQLite's encoding compares the clock
    /// ticks of each value, so only values with the same offset compare right; the service's clock gives UTC.)
    /// </summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public static async Task StoreAsync(ReferralApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seed = new StatisticsSeed(scope.ServiceProvider.GetRequiredService<CalendarProvider>());
        seed.Build();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        db.Cases.AddRange(seed.Cases);
        await db.SaveChangesAsync();
    }

    private void Build()
    {
        var a = CaseA();
        CaseB();
        CaseC(a);
        var d = Referred("neighbour", WarningColor.Green, "sfs", At(2026, 5, 25, 9));
        d.AcceptDueAt = At(2026, 5, 26, 9);
        Referred("other", WarningColor.Green, null, At(2026, 5, 27, 10));
        var h = Referred("consumer", WarningColor.Green, "scjg", At(2026, 5, 31, 23, 30));
        h.AcceptDueAt = At(2026, 6, 20, 9);
        CaseF();
        Referred("neighbour", WarningColor.Green, "sfs", At(2026, 2, 28, 23, 30));
        Referred("neighbour", WarningColor.Green, "sfs", At(2026, 6, 1, 0, 10));
        Referred("neighbour", WarningColor.Green, "sfs", At(2025, 2, 28, 10));
        Referred("neighbour", WarningColor.Green, "sfs", At(2025, 3, 10, 10));
        Referred("neighbour", WarningColor.Green, "sfs", At(2025, 3, 11, 10));
        Referred("neighbour", WarningColor.Green, "sfs", At(2025, 4, 15, 10));
        var flaggedLastYear = Referred("neighbour", WarningColor.Green, "sfs", At(2025, 5, 20, 10));
        flaggedLastYear.FlagTurnedCriminal(Coordinator, "去年的民转刑", At(2025, 5, 21, 10));
    }

    /// <summary>妇联, accepted Monday 2 March 11:00, progress Tuesday and Thursday (not Wednesday), closed Friday 10:00 with an agreement.</summary>
    private Case CaseA()
    {
        var c = Referred("marriage-family", WarningColor.Green, "fulian", At(2026, 3, 2, 9));
        c.Accept(Handler("fulian"), null, At(2026, 3, 2, 11));
        Progress(c, At(2026, 3, 3, 10));
        Progress(c, At(2026, 3, 5, 15));
        c.Close(Handler("fulian"), CaseOutcome.AgreementReached, "双方达成协议", workingTime, At(2026, 3, 6, 10));
        return c;
    }

    /// <summary>司法所, referred Thursday 2 April 20:00, accepted Friday 09:30, over 清明; progress Tuesday 7 and Thursday 9; closed Friday 10 April 15:00.</summary>
    private void CaseB()
    {
        var c = Referred("contract-debt", WarningColor.Yellow, "sfs", At(2026, 4, 2, 20));
        c.Accept(Handler("sfs"), null, At(2026, 4, 3, 9, 30));
        Progress(c, At(2026, 4, 7, 9));
        Progress(c, At(2026, 4, 9, 16));
        c.Close(Handler("sfs"), CaseOutcome.ResolvedOtherwise, null, workingTime, At(2026, 4, 10, 15));
    }

    /// <summary>
    /// 妇联, red, a recurrence of A; accepted Tuesday 28 April 14:30, over 劳动节 and the worked Saturday 9 May, on hold
    /// 12–14 May, flagged 民转刑 on 20 May, still in progress and past its resolve deadline.
    /// </summary>
    private void CaseC(Case a)
    {
        var c = Referred("romance", WarningColor.Red, "fulian", At(2026, 4, 28, 10), recurrenceOf: a);
        c.Accept(Handler("fulian"), null, At(2026, 4, 28, 14, 30));
        c.ResolveDueAt = At(2026, 5, 1, 17, 30);
        foreach (var day in new[] { At(2026, 4, 29, 10), At(2026, 5, 6, 10), At(2026, 5, 7, 10), At(2026, 5, 8, 10), At(2026, 5, 11, 10) })
            Progress(c, day);
        c.Hold(Handler("fulian"), "等待当事人返乡", At(2026, 5, 12, 9));
        c.Resume(Handler("fulian"), null, workingTime, At(2026, 5, 14, 10));
        Progress(c, At(2026, 5, 15, 10));
        c.FlagTurnedCriminal(Coordinator, "当事人持刀伤人，已刑事立案", At(2026, 5, 20, 9));
    }

    /// <summary>妇联, accepted Thursday 26 February 09:00 (before the period), over the worked Saturday 28 February; closed Tuesday 3 March 16:00, not resolvable.</summary>
    private void CaseF()
    {
        var c = Referred("marriage-family", WarningColor.Yellow, "fulian", At(2026, 2, 25, 10));
        c.Accept(Handler("fulian"), null, At(2026, 2, 26, 9));
        Progress(c, At(2026, 2, 27, 10));
        Progress(c, At(2026, 3, 2, 10));
        c.Close(Handler("fulian"), CaseOutcome.NotResolvable, null, workingTime, At(2026, 3, 3, 16));
    }

    private Case Referred(string type, WarningColor color, string? lead, DateTimeOffset at, Case? recurrenceOf = null)
    {
        var referral = new ValidReferral
        {
            IncidentNumber = $"STAT-{++_number:D3}",
            StationCode = "gutang",
            OccurredAt = at.AddHours(-1),
            Address = "慈溪市古塘街道塘东村3组12号",
            DisputeTypeCode = type,
            Summary = "统计测试",
            PoliceAction = "劝解",
            Parties = [],
            Risk = new RiskAssessment(),
        };
        var c = Case.Refer(Guid.CreateVersion7(at), referral, $"hash-{_number}", Station, at);
        c.Grade(new GradingResult(color, []), at);
        if (recurrenceOf is not null)
        {
            var match = new RecurrenceMatch(recurrenceOf.Id, recurrenceOf.IncidentNumber, FingerprintKind.Phone, "138****1234");
            c.LinkRecurrence(match, at);
            recurrenceOf.NoteRecurrence(c.Id, c.IncidentNumber, match, at);
        }
        c.Route(new RoutingDecision(null, lead, [], null, "统计测试", []), at);
        Cases.Add(c);
        return c;
    }

    private static void Progress(Case c, DateTimeOffset at) =>
        c.RecordProgress(Handler(c.LeadDepartmentCode!), ProgressKind.Call, "电话回访双方", null, at);

    private static Actor Handler(string department) => new($"handler-{department}", Roles.Handler, department);
}
