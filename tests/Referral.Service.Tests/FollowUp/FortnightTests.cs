using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Digests;
using Referral.Service.Escalation;
using Referral.Service.Tests.Access;
using Referral.Testing;
using static Referral.Service.Tests.FollowUp.Shanghai;

namespace Referral.Service.Tests.FollowUp;

/// <summary>
/// Two weeks of the service on a fake clock, Saturday 19 September to Friday 2 October 2026, on the shipped calendar
/// file (deploy/calendar/cn-holidays.json): Sunday 20 September is a swapped working day (调休), 25–27 September the
/// Mid-Autumn holiday, 1–7 October National Day. Every 5 minutes, as Quartz would, the departments do what their
/// script says, then the escalation sweep and the digest job run; whenever they did something they run again at the
/// same instant and must change nothing. The cases are those of the pure simulation in Referral.Core.Tests
/// (Deadlines/FortnightSimulationTests), whose findings were worked out by hand; here they go through the real
/// intake, workflow, database, outbox, bus, notification consumer and mail outbox. History before the fortnight is
/// arranged without the jobs, as in that simulation.
/// </summary>
public sealed class FortnightTests
{
    private static readonly DateTimeOffset Start = At("2026-09-19 00:00");
    private static readonly DateTimeOffset End = At("2026-10-03 00:00");

    /// <summary>Every escalation and warning: instant, case, rule, colors (as in the pure simulation).</summary>
    private static readonly string[] Findings =
    [
        "2026-09-22 09:00 red-routed-accepted-late accept-overdue red→red",
        "2026-09-22 09:00 red-routed-accepted-late red-overdue-supervisor red→red",
        "2026-09-22 17:00 green-never-accepted accept-due-soon green→green",
        "2026-09-23 10:00 green-never-accepted accept-overdue green→yellow",
        "2026-09-23 17:30 yellow-silent feedback-missed yellow→red",
        "2026-09-24 14:00 green-never-accepted accept-due-soon yellow→yellow",
        "2026-09-24 16:00 green-never-accepted accept-overdue yellow→red",
        "2026-09-24 16:20 red-routed-accepted-late resolve-due-soon red→red",
        "2026-09-28 09:00 green-never-accepted accept-overdue red→red",
        "2026-09-28 09:00 green-never-accepted red-overdue-supervisor red→red",
        "2026-09-28 09:20 red-routed-accepted-late resolve-overdue red→red",
        "2026-09-28 09:20 red-routed-accepted-late red-overdue-supervisor red→red",
        "2026-09-28 11:30 red-held-over-its-deadline resolve-due-soon red→red",
        "2026-09-28 15:00 red-held-over-its-deadline resolve-overdue red→red",
        "2026-09-28 15:00 red-held-over-its-deadline red-overdue-supervisor red→red",
        "2026-09-28 17:30 yellow-silent feedback-missed red→red",
        "2026-09-29 11:30 yellow-warned-then-accepted accept-due-soon yellow→yellow",
        "2026-09-29 15:30 yellow-silent resolve-due-soon red→red",
        "2026-09-29 17:30 yellow-silent resolve-overdue red→red",
        "2026-09-29 17:30 yellow-silent red-overdue-supervisor red→red",
        "2026-09-30 17:30 yellow-silent feedback-missed red→red",
    ];

    /// <summary>The working days of the fortnight: the swapped Sunday in, the holidays and weekends out.</summary>
    private static readonly string[] WorkingDays =
        ["2026-09-20", "2026-09-21", "2026-09-22", "2026-09-23", "2026-09-24", "2026-09-28", "2026-09-29", "2026-09-30"];

    private readonly FakeTimeProvider _clock = new(At("2026-08-03 08:00"));
    private readonly Dictionary<string, Guid> _ids = [];
    private readonly Dictionary<string, string> _leads = [];
    private readonly SortedList<DateTimeOffset, List<Func<Task>>> _script = [];
    private readonly List<string> _repeatedRuns = [];
    private ReferralApp _app = null!;
    private CaseArranger _arrange = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions
        {
            Services = s => s.AddSingleton<TimeProvider>(_clock),
            // The test is the scheduler: Quartz's own triggers never fire during the run (housekeeping would delete the outbox rows looked at).
            Settings = new Dictionary<string, string?>
            {
                ["Scheduling:EscalationSweepCron"] = "0 0 0 1 1 ? 2099",
                ["Scheduling:DigestCron"] = "0 0 0 1 1 ? 2099",
                ["Scheduling:HousekeepingCron"] = "0 0 0 1 1 ? 2099",
            },
        });
        await _app.StartAsync();
        _arrange = new CaseArranger(_app);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_fortnight_escalates_warns_and_sends_digests_exactly_as_the_rules_say_and_each_only_once()
    {
        await ArrangeHistoryAsync();
        Script();
        var firstMail = await _app.QueryAsync(db => db.OutgoingMail.MaxAsync(m => (long?)m.Id)) ?? 0;
        var firstOutbox = await _app.QueryAsync(db => db.Outbox.MaxAsync(m => (long?)m.Id)) ?? 0;

        for (var now = Start; now < End; now = now.AddMinutes(5))
        {
            _clock.SetUtcNow(now);
            if (await ActAsync(now)) await SettleAsync();
            var before = await SnapshotAsync();
            await RunJobsAsync();
            if (await SnapshotAsync() == before) continue;
            await SettleAsync();
            var settled = await SnapshotAsync();
            await RunJobsAsync();
            await SettleAsync();
            Assert.That(await SnapshotAsync(), Is.EqualTo(settled), $"a second run of the jobs at {Local(now)} changed something");
            _repeatedRuns.Add(Local(now));
        }

        var names = _ids.ToDictionary(p => p.Value, p => p.Key);
        var cases = await _app.QueryAsync(db => db.Cases.AsNoTracking().ToListAsync());
        var timeline = await _app.QueryAsync(db => db.Timeline.AsNoTracking().OrderBy(t => t.CaseId).ThenBy(t => t.Sequence).ToListAsync());
        var outbox = await _app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.Id > firstOutbox).OrderBy(m => m.Id).ToListAsync());
        var mail = await _app.QueryAsync(db => db.OutgoingMail.AsNoTracking().Where(m => m.Id > firstMail).OrderBy(m => m.Id).ToListAsync());
        var caseOfMessage = outbox.Where(m => m.CaseId != null).ToDictionary(m => m.MessageId, m => m.CaseId!.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Where(t => t.Action is CaseAction.Escalate or CaseAction.Warn)
                    .Select(t => $"{Local(t.At)} {names[t.CaseId]} {t.DetailValues()["rule"]} {t.DetailValues()["from"]}→{t.DetailValues()["to"]}")
                    .Order(StringComparer.Ordinal),
                Is.EqualTo(Findings.Order(StringComparer.Ordinal)),
                "timeline entries naming their rule, one per finding");

            Assert.That(outbox.Where(m => m.MessageType is "Referral.Contracts.CaseEscalated" or "Referral.Contracts.CaseDueSoon")
                    .Select(m => EventLine(m.MessageType, m.Body, names[m.CaseId!.Value])).Order(StringComparer.Ordinal),
                Is.EqualTo(Findings.Select(ExpectedEvent).Order(StringComparer.Ordinal)),
                "one CaseEscalated per escalation (to the supervisors for red-overdue-supervisor), one CaseDueSoon per warning");

            Assert.That(mail.Where(m => m.Kind is "case-escalated" or "case-due-soon")
                    .Select(m => $"{Local(m.CreatedAt)} {names[caseOfMessage[Guid.Parse(m.Key.Split(':')[1])]]} {m.Kind} {Mailbox(m.ToAddress)}")
                    .Order(StringComparer.Ordinal),
                Is.EqualTo(Findings.SelectMany(ExpectedNotices).Order(StringComparer.Ordinal)),
                "escalations to the department and the center (and the supervisors for red), warnings to the department only");

            Assert.That(mail.Where(m => m.Kind.StartsWith("digest-", StringComparison.Ordinal) || m.Kind == "follow-up-due")
                    .Select(m => $"{Local(m.CreatedAt)} {m.Kind} {Mailbox(m.ToAddress)}").Order(StringComparer.Ordinal),
                Is.EqualTo(ExpectedDigests().Order(StringComparer.Ordinal)),
                "日清 on working days at 08:30, 周结 on Mondays at 09:00, 回访 when the visit falls due; each once");

            Assert.That(mail.Where(m => m.Kind == "follow-up-due").Select(m => m.Key.Split(':')[1]),
                Is.EqualTo(new[] { _ids["green-closed-on-swapped-sunday"].ToString("N") }), "the follow-up reminder is about the case closed on the swapped Sunday");

            Assert.That(mail.GroupBy(m => m.Key).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "no email queued twice");

            Assert.That(cases.Where(c => names.ContainsKey(c.Id)).ToDictionary(c => names[c.Id], c => c.Color), Is.EqualTo(new Dictionary<string, WarningColor>
            {
                ["green-never-accepted"] = WarningColor.Red,
                ["red-routed-accepted-late"] = WarningColor.Red,
                ["yellow-silent"] = WarningColor.Red,
                ["green-daily-progress"] = WarningColor.Green,
                ["green-on-hold-throughout"] = WarningColor.Green,
                ["red-held-over-its-deadline"] = WarningColor.Red,
                ["yellow-warned-then-accepted"] = WarningColor.Yellow,
                ["green-closed-on-swapped-sunday"] = WarningColor.Green,
                ["green-in-triage"] = WarningColor.Green,
                ["red-routed-on-national-day"] = WarningColor.Red,
                ["yellow-visited"] = WarningColor.Yellow,
            }));

            foreach (var history in timeline.Where(t => names.ContainsKey(t.CaseId)).GroupBy(t => t.CaseId))
            {
                var colors = history.Select(t => t.Color).ToList();
                Assert.That(colors, Is.Ordered, $"the color of {names[history.Key]} never dropped");
            }

            var byName = cases.Where(c => names.ContainsKey(c.Id)).ToDictionary(c => names[c.Id]);
            Assert.That(Local(byName["red-held-over-its-deadline"].ResolveDueAt), Is.EqualTo("2026-09-28 15:00"),
                "on hold from Saturday 19 to Wednesday 23 September 14:00: the resolve deadline of Wednesday 23 09:30 moved by the working time held");
            Assert.That(Local(byName["green-closed-on-swapped-sunday"].FollowUpDueAt), Is.EqualTo("2026-09-28 17:30"),
                "7 days after Sunday 20 September is the holiday of the 27th: the visit is due at the end of the next working day");
            Assert.That(Local(byName["red-routed-accepted-late"].FollowUpDueAt), Is.EqualTo("2026-10-08 17:30"));
            Assert.That(Local(byName["green-on-hold-throughout"].HoldReviewAt), Is.EqualTo("2026-09-22 10:00"));
            Assert.That(Local(byName["red-routed-on-national-day"].AcceptDueAt), Is.EqualTo("2026-10-08 10:30"));
            Assert.That(Local(byName["yellow-warned-then-accepted"].FeedbackEscalateAt), Is.EqualTo("2026-10-08 17:30"));
        }
        Assert.That(_repeatedRuns, Is.EqualTo(Findings.Select(f => f[..16])
                .Concat(WorkingDays.Select(d => $"{d} 08:30")).Concat(["2026-09-21 09:00", "2026-09-28 09:00", "2026-09-28 17:30"])
                .Distinct().Order(StringComparer.Ordinal)),
            "the jobs changed something only at these instants (each time run again at once, changing nothing)");
    }

    /// <summary>The cases as they stand when the fortnight begins, reached through the intake and the workflow.</summary>
    private async Task ArrangeHistoryAsync()
    {
        await ReferAtAsync("2026-08-03 09:00", "yellow-visited", "邻里", "东河村", WarningColor.Yellow);
        await ActAtAsync("2026-08-03 10:00", "yellow-visited", (c, a, now, _) => c.Accept(a, null, now));
        await ActAtAsync("2026-08-20 10:00", "yellow-visited", (c, a, now, w) => c.Close(a, CaseOutcome.ResolvedOtherwise, null, w, now));
        await ActAtAsync("2026-08-27 10:00", "yellow-visited", (c, a, now, _) => c.RecordFollowUp(a, true, Satisfaction.Satisfied, null, now));

        await ReferAtAsync("2026-08-31 09:00", "green-on-hold-throughout", "邻里", "塘西村", WarningColor.Green);
        await ActAtAsync("2026-08-31 10:00", "green-on-hold-throughout", (c, a, now, _) => c.Accept(a, null, now));
        await ActAtAsync("2026-09-09 10:00", "green-on-hold-throughout", (c, a, now, _) => c.Hold(a, "等待当事人从外地返回", now));

        await ReferAtAsync("2026-09-17 09:00", "green-closed-on-swapped-sunday", "邻里", "海晏村", WarningColor.Green);
        await ActAtAsync("2026-09-17 10:00", "green-closed-on-swapped-sunday", Accept);
        await ReferAtAsync("2026-09-18 08:30", "red-held-over-its-deadline", "物业", "潮塘社区", WarningColor.Red);
        await ActAtAsync("2026-09-18 09:30", "red-held-over-its-deadline", Accept);
        await ActAtAsync("2026-09-18 10:00", "green-closed-on-swapped-sunday", Progress);

        await ReferAtAsync("2026-09-18 12:00", "green-in-triage", "其他", "石湖村", WarningColor.Green);
        await SettleAsync();
    }

    /// <summary>What the departments do during the fortnight, each at its time (before the jobs of that instant run).</summary>
    private void Script()
    {
        On("2026-09-19 10:00", () => ReferAtAsync("2026-09-19 10:00", "green-never-accepted", "消费", "白沙村", WarningColor.Green));
        On("2026-09-19 10:00", () => ActAtAsync("2026-09-19 10:00", "red-held-over-its-deadline", (c, a, now, _) => c.Hold(a, "等待鉴定结论", now)));
        On("2026-09-19 20:00", () => ReferAtAsync("2026-09-19 20:00", "green-daily-progress", "劳动争议/欠薪", "青禾村", WarningColor.Green));
        On("2026-09-20 09:00", () => ReferAtAsync("2026-09-20 09:00", "yellow-silent", "环境噪音", "北桥社区", WarningColor.Yellow));
        Actions("green-daily-progress", ("2026-09-20 09:15", Accept), ("2026-09-21 16:00", Progress), ("2026-09-23 16:00", Progress),
            ("2026-09-24 16:00", Progress), ("2026-09-28 16:00", Progress), ("2026-09-29 16:00", Progress), ("2026-09-30 16:00", Progress));
        Actions("green-closed-on-swapped-sunday", ("2026-09-20 11:00", Close));
        Actions("yellow-silent", ("2026-09-21 10:00", Accept));
        On("2026-09-21 16:00", () => ReferAtAsync("2026-09-21 16:00", "red-routed-accepted-late", "合同债务", "栖凤村", WarningColor.Red));
        Actions("red-routed-accepted-late", ("2026-09-22 09:20", Accept), ("2026-09-23 11:00", Progress), ("2026-09-24 11:00", Progress),
            ("2026-09-28 11:00", Progress), ("2026-09-29 11:00", Progress), ("2026-09-30 15:00", Close));
        Actions("red-held-over-its-deadline", ("2026-09-23 14:00", Resume), ("2026-09-24 15:00", Progress), ("2026-09-28 16:00", Progress),
            ("2026-09-29 16:00", Progress), ("2026-09-30 16:00", Progress));
        On("2026-09-28 09:00", () => ReferAtAsync("2026-09-28 09:00", "yellow-warned-then-accepted", "婚恋情感", "塘东村", WarningColor.Yellow));
        Actions("yellow-warned-then-accepted", ("2026-09-29 14:00", Accept));
        On("2026-10-01 10:00", () => ReferAtAsync("2026-10-01 10:00", "red-routed-on-national-day", "邻里", "云霞社区", WarningColor.Red));
    }

    private static void Accept(Case c, Actor a, DateTimeOffset now, IWorkingTime w) => c.Accept(a, null, now);

    private static void Progress(Case c, Actor a, DateTimeOffset now, IWorkingTime w) => c.RecordProgress(a, ProgressKind.Call, "电话联系双方，了解最新情况", null, now);

    private static void Resume(Case c, Actor a, DateTimeOffset now, IWorkingTime w) => c.Resume(a, "鉴定结论已出", w, now);

    private static void Close(Case c, Actor a, DateTimeOffset now, IWorkingTime w) => c.Close(a, CaseOutcome.ResolvedOtherwise, null, w, now);

    private void Actions(string name, params (string At, Action<Case, Actor, DateTimeOffset, IWorkingTime> Apply)[] steps)
    {
        foreach (var (at, apply) in steps) On(at, () => ActAtAsync(at, name, apply));
    }

    private void On(string at, Func<Task> action)
    {
        if (!_script.TryGetValue(At(at), out var actions)) _script.Add(At(at), actions = []);
        actions.Add(action);
    }

    private async Task<bool> ActAsync(DateTimeOffset now)
    {
        if (!_script.TryGetValue(now, out var actions)) return false;
        foreach (var action in actions) await action();
        return true;
    }

    private async Task ReferAtAsync(string at, string name, string disputeType, string village, WarningColor color)
    {
        _clock.SetUtcNow(At(at));
        var referral = Referrals.Valid(disputeType: disputeType, address: Referrals.UniqueAddress(village), risk: color switch
        {
            WarningColor.Red => new RiskInfo { PoliceCallsLast30Days = 1, Violence = true },
            WarningColor.Yellow => new RiskInfo { PoliceCallsLast30Days = 2 },
            _ => new RiskInfo { PoliceCallsLast30Days = 1 },
        }) with { OccurredAt = At(at).AddHours(-2) };
        var id = await _arrange.ReferAsync(referral);
        var c = await _arrange.LoadAsync(id);
        Assert.That(c.Color, Is.EqualTo(color), $"arrange: {name} starts {color}");
        _ids[name] = id;
        if (c.LeadDepartmentCode is { } lead) _leads[name] = lead;
    }

    private async Task ActAtAsync(string at, string name, Action<Case, Actor, DateTimeOffset, IWorkingTime> apply)
    {
        _clock.SetUtcNow(At(at));
        await _arrange.ActAsync(_ids[name], CaseArranger.Handler(_leads[name]), apply);
    }

    /// <summary>The escalation sweep, then the digest job's three steps, as the two Quartz jobs run them.</summary>
    private async Task RunJobsAsync()
    {
        await _app.Services.GetRequiredService<EscalationSweep>().RunAsync(CancellationToken.None);
        await using var scope = _app.Services.CreateAsyncScope();
        var digests = scope.ServiceProvider.GetRequiredService<DigestService>();
        await digests.SendDailyIfDueAsync(CancellationToken.None);
        await digests.SendWeeklyIfDueAsync(CancellationToken.None);
        await digests.SendFollowUpRemindersAsync(CancellationToken.None);
    }

    private Task<(int Timeline, int Outbox, int Mail)> SnapshotAsync() => _app.QueryAsync(async db =>
        (await db.Timeline.CountAsync(), await db.Outbox.CountAsync(), await db.OutgoingMail.CountAsync()));

    private static readonly string[] NotifiedEvents =
    [
        "Referral.Contracts.CaseAssigned", "Referral.Contracts.CaseTransferred", "Referral.Contracts.CoHandlingRequested", "Referral.Contracts.CaseRejected",
        "Referral.Contracts.CaseClosed", "Referral.Contracts.CaseReopened", "Referral.Contracts.CaseEscalated", "Referral.Contracts.CaseDueSoon",
    ];

    /// <summary>Waits until every event is published and every event the notification consumers take has been handled (its inbox row).</summary>
    private async Task SettleAsync()
    {
        var state = "";
        try
        {
            await Eventually.UntilAsync(async () => (state = await PendingAsync()).Length == 0, TimeSpan.FromSeconds(90), "the events to be published and handled");
        }
        catch (AssertionException)
        {
            Assert.Fail($"The events were not all published and handled: {state}");
        }
    }

    private Task<string> PendingAsync() => _app.QueryAsync(async db =>
    {
        var unpublished = await db.Outbox.CountAsync(m => m.PublishedAt == null);
        var notified = await db.Outbox.CountAsync(m => NotifiedEvents.Contains(m.MessageType));
        var handled = await db.Inbox.CountAsync(i => i.Consumer == "notifications");
        var routed = await db.Outbox.CountAsync(m => m.MessageType == "Referral.Contracts.CaseRouted");
        var routedHandled = await db.Inbox.CountAsync(i => i.Consumer == "notifications-routed");
        return unpublished == 0 && notified == handled && routed == routedHandled
            ? ""
            : $"{unpublished} unpublished, {handled} of {notified} notified events handled, {routedHandled} of {routed} CaseRouted handled";
    });

    private static string EventLine(string type, string body, string name)
    {
        using var json = JsonDocument.Parse(body);
        var e = json.RootElement;
        var rule = e.GetProperty("rule").GetString();
        return type.EndsWith("CaseDueSoon", StringComparison.Ordinal)
            ? $"{Local(e.GetProperty("at").GetDateTimeOffset())} {name} CaseDueSoon {rule}"
            : $"{Local(e.GetProperty("at").GetDateTimeOffset())} {name} CaseEscalated {rule} supervisors={e.GetProperty("toSupervisors").GetBoolean()}";
    }

    private static string ExpectedEvent(string finding)
    {
        var (at, name, rule) = Parse(finding);
        return rule.EndsWith("-due-soon", StringComparison.Ordinal)
            ? $"{at} {name} CaseDueSoon {rule}"
            : $"{at} {name} CaseEscalated {rule} supervisors={rule == "red-overdue-supervisor"}";
    }

    private IEnumerable<string> ExpectedNotices(string finding)
    {
        var (at, name, rule) = Parse(finding);
        var lead = _leads[name];
        if (rule.EndsWith("-due-soon", StringComparison.Ordinal)) return [$"{at} {name} case-due-soon {lead}"];
        var to = rule == "red-overdue-supervisor" ? new[] { lead, "center", "leader" } : [lead, "center"];
        return to.Select(r => $"{at} {name} case-escalated {r}");
    }

    private IEnumerable<string> ExpectedDigests()
    {
        string[] departments = ["zhzf", "scjg", "fulian", "sfs", "ldjc", "tjgzs", "zyz",
            "tangdong", "tangxi", "chaotang", "haiyan", "yunxia", "donghe", "beiqiao", "qifeng", "guixiang", "qinghe", "luwan", "xinpu", "baisha", "liuan",
            "shihu", "nanyuan"];
        foreach (var day in WorkingDays)
        {
            foreach (var d in departments) yield return $"{day} 08:30 digest-daily {d}";
            yield return $"{day} 08:30 digest-center center";
        }
        foreach (var monday in new[] { "2026-09-21", "2026-09-28" })
        {
            yield return $"{monday} 09:00 digest-weekly center";
            yield return $"{monday} 09:00 digest-weekly leader";
        }
        // 28 September 09:00, after that instant's sweep: raised twice (消费 → 市场监管), raised once (环境噪音 → 北桥社区),
        // on hold for more than 10 working days (邻里 → 塘西村). The week before, nothing was out of course.
        foreach (var name in new[] { "green-never-accepted", "yellow-silent", "green-on-hold-throughout" })
            yield return $"2026-09-28 09:00 digest-reminder {_leads[name]}";
        yield return $"2026-09-28 17:30 follow-up-due {_leads["green-closed-on-swapped-sunday"]}";
    }

    private static (string At, string Name, string Rule) Parse(string finding)
    {
        var parts = finding.Split(' ');
        return ($"{parts[0]} {parts[1]}", parts[2], parts[3]);
    }

    private static string Mailbox(string address) => address.Split('@')[0];
}
