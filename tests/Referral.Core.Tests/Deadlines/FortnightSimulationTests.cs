using Microsoft.Extensions.Time.Testing;
using Referral.Core.Deadlines;
using Referral.Core.Grading;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Clocks;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Deadlines;

/// <summary>
/// Two weeks of the escalation sweep, every 5 minutes from Saturday 19 to Friday 2 October 2026: the swapped Sunday
/// 20 September, the Mid-Autumn holiday (25–27 September) and the start of the National Day week (from 1 October).
/// Departments act on their cases at scripted times; the sweep only evaluates the cases its pre-filter selects.
/// Every expected finding below was worked out by hand from the calendar.
/// </summary>
public sealed class FortnightSimulationTests
{
    private static readonly string[] Expected =
    [
        "2026-09-22 09:00 red-routed-accepted-late     accept-overdue         red→red",
        "2026-09-22 09:00 red-routed-accepted-late     red-overdue-supervisor red→red",
        "2026-09-22 17:00 green-never-accepted         accept-due-soon        green→green",
        "2026-09-23 10:00 green-never-accepted         accept-overdue         green→yellow",
        "2026-09-23 17:30 yellow-silent                feedback-missed        yellow→red",
        "2026-09-24 14:00 green-never-accepted         accept-due-soon        yellow→yellow",
        "2026-09-24 16:00 green-never-accepted         accept-overdue         yellow→red",
        "2026-09-24 16:20 red-routed-accepted-late     resolve-due-soon       red→red",
        "2026-09-28 09:00 green-never-accepted         accept-overdue         red→red",
        "2026-09-28 09:00 green-never-accepted         red-overdue-supervisor red→red",
        "2026-09-28 09:20 red-routed-accepted-late     resolve-overdue        red→red",
        "2026-09-28 09:20 red-routed-accepted-late     red-overdue-supervisor red→red",
        "2026-09-28 11:30 red-held-over-its-deadline   resolve-due-soon       red→red",
        "2026-09-28 15:00 red-held-over-its-deadline   resolve-overdue        red→red",
        "2026-09-28 15:00 red-held-over-its-deadline   red-overdue-supervisor red→red",
        "2026-09-28 17:30 yellow-silent                feedback-missed        red→red",
        "2026-09-29 11:30 yellow-warned-then-accepted  accept-due-soon        yellow→yellow",
        "2026-09-29 15:30 yellow-silent                resolve-due-soon       red→red",
        "2026-09-29 17:30 yellow-silent                resolve-overdue        red→red",
        "2026-09-29 17:30 yellow-silent                red-overdue-supervisor red→red",
        "2026-09-30 17:30 yellow-silent                feedback-missed        red→red",
    ];

    [Test]
    public void A_fortnight_of_sweeps_every_five_minutes_escalates_warns_and_notifies_exactly_as_the_rules_say()
    {
        var cases = Cases();
        var time = new FakeTimeProvider(At("2026-09-19 00:00"));
        var sweep = new Sweep(Escalation, time);

        while (time.GetUtcNow() < At("2026-10-03 00:00"))
        {
            foreach (var c in cases) c.Act(time.GetUtcNow());
            sweep.Run(cases);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sweep.Log, Is.EqualTo(Expected.Select(Squeeze).ToArray()));
            Assert.That(sweep.Steps, Is.EqualTo(14 * 24 * 12));
            Assert.That(sweep.Evaluations, Is.EqualTo(Expected.Select(e => e[..30]).Distinct().Count()),
                "the pre-filter selects a case only at the sweeps where it has something to do");
            Assert.That(cases.ToDictionary(c => c.Name, c => c.Clock.Color), Is.EqualTo(new Dictionary<string, WarningColor>
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
            Assert.That(Local(Deadlines(cases, "red-routed-accepted-late").FollowUpDueAt), Is.EqualTo("2026-10-08 17:30"));
            Assert.That(Local(Deadlines(cases, "green-closed-on-swapped-sunday").FollowUpDueAt), Is.EqualTo("2026-09-28 17:30"));
            Assert.That(Local(Deadlines(cases, "green-on-hold-throughout").HoldReviewAt), Is.EqualTo("2026-09-22 10:00"));
            Assert.That(Local(Deadlines(cases, "red-routed-on-national-day").AcceptDueAt), Is.EqualTo("2026-10-08 10:30"));
            Assert.That(Local(Deadlines(cases, "yellow-warned-then-accepted").FeedbackEscalateAt), Is.EqualTo("2026-10-08 17:30"));
        }
    }

    private static CaseDeadlines Deadlines(List<SimulatedCase> cases, string name) => Policy.Compute(cases.Single(c => c.Name == name).Clock);

    private static string Squeeze(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static List<SimulatedCase> Cases() =>
    [
        new("green-never-accepted", Unrouted(WarningColor.Green))
            { ["2026-09-19 10:00"] = Route },
        new("red-routed-accepted-late", Unrouted(WarningColor.Red))
        {
            ["2026-09-21 16:00"] = Route,
            ["2026-09-22 09:20"] = Accept,
            ["2026-09-23 11:00"] = Progress,
            ["2026-09-24 11:00"] = Progress,
            ["2026-09-28 11:00"] = Progress,
            ["2026-09-29 11:00"] = Progress,
            ["2026-09-30 15:00"] = Close,
        },
        new("yellow-silent", Unrouted(WarningColor.Yellow))
        {
            ["2026-09-20 09:00"] = Route,
            ["2026-09-21 10:00"] = Accept,
        },
        new("green-daily-progress", Unrouted(WarningColor.Green))
        {
            ["2026-09-19 20:00"] = Route,
            ["2026-09-20 09:15"] = Accept,
            ["2026-09-21 16:00"] = Progress,
            ["2026-09-23 16:00"] = Progress,
            ["2026-09-24 16:00"] = Progress,
            ["2026-09-28 16:00"] = Progress,
            ["2026-09-29 16:00"] = Progress,
            ["2026-09-30 16:00"] = Progress,
        },
        new("green-on-hold-throughout", Working(WarningColor.Green, "2026-08-31 10:00").Hold("2026-09-09 10:00")),
        new("red-held-over-its-deadline", Working(WarningColor.Red, "2026-09-18 09:30"))
        {
            ["2026-09-19 10:00"] = Hold,
            ["2026-09-23 14:00"] = Resume,
            ["2026-09-24 15:00"] = Progress,
            ["2026-09-28 16:00"] = Progress,
            ["2026-09-29 16:00"] = Progress,
            ["2026-09-30 16:00"] = Progress,
        },
        new("yellow-warned-then-accepted", Unrouted(WarningColor.Yellow))
        {
            ["2026-09-28 09:00"] = Route,
            ["2026-09-29 14:00"] = Accept,
        },
        new("green-closed-on-swapped-sunday", Working(WarningColor.Green, "2026-09-17 10:00", lastProgressAt: "2026-09-18 10:00"))
            { ["2026-09-20 11:00"] = Close },
        new("green-in-triage", Unrouted(WarningColor.Green)),
        new("red-routed-on-national-day", Unrouted(WarningColor.Red))
            { ["2026-10-01 10:00"] = Route },
        new("yellow-visited", Working(WarningColor.Yellow, "2026-08-03 10:00") with { Stage = CaseStage.Done, ClosedAt = At("2026-08-20 10:00") }),
    ];

    private static CaseClock Unrouted(WarningColor color) => new() { Color = color, Stage = CaseStage.Unrouted };

    private static CaseClock Route(CaseClock c, DateTimeOffset at) => c with { Stage = CaseStage.Routed, RoutedAt = at };

    private static CaseClock Accept(CaseClock c, DateTimeOffset at) => c with { Stage = CaseStage.Working, AcceptedAt = at };

    private static CaseClock Progress(CaseClock c, DateTimeOffset at) => c with { LastProgressAt = at };

    private static CaseClock Hold(CaseClock c, DateTimeOffset at) => c with { Stage = CaseStage.OnHold, OnHoldSince = at };

    private static CaseClock Resume(CaseClock c, DateTimeOffset at) => c with
    {
        Stage = CaseStage.Working,
        HeldFor = c.HeldFor + Policy.HoldDuration(c.OnHoldSince!.Value, at),
        OnHoldSince = null,
        ResumedAt = at,
    };

    private static CaseClock Close(CaseClock c, DateTimeOffset at) => c with { Stage = CaseStage.Closed, ClosedAt = at };

    /// <summary>A case as the store holds it: its clock and the next-check time the sweep selects on, and the script of its department.</summary>
    private sealed class SimulatedCase(string name, CaseClock clock)
    {
        private readonly SortedList<DateTimeOffset, Func<CaseClock, DateTimeOffset, CaseClock>> _script = [];

        public string Name { get; } = name;
        public CaseClock Clock { get; private set; } = clock;
        public DateTimeOffset? NextCheckAt { get; private set; } = Escalation.NextCheckAt(clock);

        public Func<CaseClock, DateTimeOffset, CaseClock> this[string at]
        {
            set => _script.Add(At(at), value);
        }

        /// <summary>What the department did since the last sweep, each at its own time; the host recomputes the next check.</summary>
        public void Act(DateTimeOffset now)
        {
            while (_script.Count > 0 && _script.Keys[0] <= now)
            {
                Clock = _script.Values[0](Clock, _script.Keys[0]);
                _script.RemoveAt(0);
                NextCheckAt = Escalation.NextCheckAt(Clock);
            }
        }

        public void Store(EscalationResult result)
        {
            Clock = result.Clock;
            NextCheckAt = result.NextCheckAt;
        }
    }

    /// <summary>The periodic job: selects candidates by their stored next check, evaluates them, stores the results.</summary>
    private sealed class Sweep(EscalationPolicy policy, TimeProvider time)
    {
        public List<string> Log { get; } = [];
        public int Steps { get; private set; }
        public int Evaluations { get; private set; }

        public void Run(List<SimulatedCase> cases)
        {
            var now = time.GetUtcNow();
            Steps++;
            foreach (var c in cases)
            {
                if (!(c.NextCheckAt <= now))
                {
                    Assert.That(policy.Evaluate(c.Clock, now).Findings, Is.Empty, $"{c.Name} was not selected at {Local(now)}");
                    continue;
                }
                Evaluations++;
                var result = policy.Evaluate(c.Clock, now);
                c.Store(result);
                Log.AddRange(result.Findings.Select(f =>
                    $"{Local(f.At)} {c.Name} {f.Rule} {f.ColorBefore.Code()}→{f.ColorAfter.Code()}"));
                Assert.That(policy.Evaluate(c.Clock, now).Findings, Is.Empty, $"{c.Name} evaluated again at {Local(now)}");
            }
        }
    }
}
