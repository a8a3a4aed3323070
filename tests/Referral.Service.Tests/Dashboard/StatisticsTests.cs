using Microsoft.Extensions.DependencyInjection;
using Referral.Service.Dashboard;
using Referral.Testing;
using static Referral.Service.Tests.Dashboard.StatisticsSeed;

namespace Referral.Service.Tests.Dashboard;

/// <summary>
/// Every figure of March–May 2026 over <see cref="StatisticsSeed"/>, computed at 10 June 2026 10:00 and
/// worked out by hand (working day 08:30–12:00, 13:30–17:30 = 7.5 h):
/// <list type="bullet">
/// <item>Referred (Shanghai months): March A; April B, C; May D, E, H (31 May 23:30, which is 15:30 UTC) = 6.
/// Not: 28 February 23:30, F (25 February), 1 June 00:10 (31 May 16:10 UTC). A year earlier: March 2, April 1, May 1 = 4.</item>
/// <item>Closed: A (6 March, agreement), F (3 March, not resolvable), B (10 April, resolved otherwise) = 3, resolved 2.</item>
/// <item>Accept (routing → acceptance): A 09:00→11:00 = 2 h; B Thursday 20:00 → Friday 09:30 = 1 h; C 10:00→14:30 less lunch = 3 h. Mean 2.</item>
/// <item>Resolve: A Mon 11:00 → Fri 10:00 = 5 + 22.5 + 1.5 = 29 h; B Fri 09:30 → Fri 15:00 over 清明 = 6.5 + 22.5 + 5 = 34 h;
/// F Thu 09:00 → Tue 16:00 with the worked Saturday = 7 + 7.5 + 7.5 + 7.5 + 6 = 35.5 h. Mean 98.5 / 3 / 7.5 = 4.377… days.</item>
/// <item>日清: A 3 days (3, 4, 5 March), 2 with progress; B 7–9 April (4–6 are 清明) 3, 2; C 29 April–11 May: 29, 30 April,
/// 6, 7, 8, 9 (worked Saturday), 11 May = 7, 5; then from the day after resuming, 15–29 May = 11, 1; F only 2 March in the
/// period = 1, 1. Together 25 required, 11 with progress: 44.0%.</item>
/// </list>
/// </summary>
public sealed class StatisticsTests
{
    private static readonly DateTimeOffset Now = At(2026, 6, 10, 10);
    private ReferralApp _app = null!;
    private StatisticsReport _report = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        await StoreAsync(_app);
        _report = await ComputeAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public void Counts_referred_closed_and_resolved_per_Shanghai_month()
    {
        Assert.That(_report.Months.Select(m => (m.Month, m.Referred, m.Closed, m.Resolved)), Is.EqualTo(new[]
        {
            ("2026-03", 1, 2, 1),
            ("2026-04", 2, 1, 1),
            ("2026-05", 3, 0, 0),
        }));
        Assert.That((_report.Headline.Referred, _report.Headline.Closed, _report.Headline.Resolved), Is.EqualTo((6, 3, 2)));
    }

    [Test]
    public void Compares_each_month_and_the_period_with_the_year_before()
    {
        Assert.That(_report.Months.Select(m => (m.PreviousYearReferred, m.ChangePercent)), Is.EqualTo(new (int, double?)[]
        {
            (2, -50.0),
            (1, 100.0),
            (1, 200.0),
        }));
        Assert.That(_report.YearOnYear, Is.EqualTo(new YearOnYear(6, 4, 2, 50.0)));
    }

    [Test]
    public async Task Year_on_year_change_is_not_available_without_cases_the_year_before()
    {
        var report = await ComputeAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 5, 1));

        Assert.That(report.YearOnYear, Is.EqualTo(new YearOnYear(4, 0, 4, null)));
        Assert.That(report.Months.Select(m => m.ChangePercent), Is.All.Null);
    }

    [Test]
    public void Daily_feedback_counts_working_days_between_acceptance_and_closing_skipping_holidays_and_holds()
    {
        Assert.That(_report.Headline.DailyFeedback, Is.EqualTo(new DailyFeedback(25, 11, 44.0)));
    }

    [Test]
    public async Task Daily_feedback_over_Qingming_and_the_first_days_of_May()
    {
        // April alone: B 7, 8, 9 April (3, progress on 2); C 29 and 30 April (2, progress on 1).
        var april = await ComputeAsync(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1));

        Assert.That(april.Headline.DailyFeedback, Is.EqualTo(new DailyFeedback(5, 3, 60.0)));
    }

    [Test]
    public async Task Daily_feedback_counts_only_days_that_have_ended()
    {
        // On 15 May at 10:00 the last day counted is 14 May (the day C resumed), so C counts 29 April–11 May only.
        var may = await ComputeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), At(2026, 5, 15, 10));

        Assert.That(may.Headline.DailyFeedback, Is.EqualTo(new DailyFeedback(5, 4, 80.0)));
    }

    [Test]
    public void Overdue_recurrence_and_turned_criminal()
    {
        Assert.That(_report.Headline.OverdueNow, Is.EqualTo(2), "D past its accept deadline, C past its resolve deadline");
        Assert.That(_report.Headline.Recurrence, Is.EqualTo(new Ratio(1, 6, 16.7)));
        Assert.That(_report.Headline.TurnedCriminal, Is.EqualTo(1), "C on 20 May; the flag of May 2025 is outside the period");
    }

    [Test]
    public void Mean_times_to_accept_in_working_hours_and_to_resolve_in_working_days()
    {
        Assert.That(_report.Headline.MeanAcceptHours, Is.EqualTo(new Mean(3, 2.0)));
        Assert.That(_report.Headline.MeanResolveDays, Is.EqualTo(new Mean(3, 4.38)));
    }

    [Test]
    public void Figures_by_department()
    {
        Assert.That(_report.ByDepartment.Select(d => (d.Code, d.Referred, d.Accepted, d.Closed, d.Resolved, d.MeanAcceptHours, d.MeanResolveDays)),
            Is.EqualTo(new[]
            {
                ("fulian", 2, 2, 2, 1, new Mean(2, 2.5), new Mean(2, 4.3)),
                ("sfs", 2, 1, 1, 1, new Mean(1, 1.0), new Mean(1, 4.53)),
                ("", 1, 0, 0, 0, new Mean(0, null), new Mean(0, null)),
                ("scjg", 1, 0, 0, 0, new Mean(0, null), new Mean(0, null)),
            }));
        Assert.That(_report.ByDepartment.Select(d => d.Name).Take(3), Is.EqualTo(new[] { "古塘街道妇联", "古塘司法所（人民调解委员会）", "矛调中心（待分派）" }));
    }

    [Test]
    public void Figures_by_type_station_color_and_outcome()
    {
        Assert.That(_report.ByDisputeType.Select(t => (t.Code, t.Name, t.Count)), Is.EqualTo(new[]
        {
            ("consumer", "消费", 1), ("contract-debt", "合同债务", 1), ("marriage-family", "婚姻家庭", 1),
            ("neighbour", "邻里", 1), ("other", "其他", 1), ("romance", "婚恋情感", 1),
        }));
        Assert.That(_report.ByStation.Select(s => (s.Code, s.Name, s.Count)), Is.EqualTo(new[] { ("gutang", "慈溪市公安局古塘派出所", 6) }));
        Assert.That(_report.ByColor.Select(c => (c.Code, c.Name, c.Count)), Is.EqualTo(new[] { ("red", "红", 1), ("yellow", "黄", 1), ("green", "绿", 4) }));
        Assert.That(_report.ByOutcome.Select(o => (o.Code, o.Count)), Is.EqualTo(new[]
        {
            ("agreementReached", 1), ("resolvedOtherwise", 1), ("notResolvable", 1), ("withdrawn", 0),
        }));
    }

    private async Task<StatisticsReport> ComputeAsync(DateOnly from, DateOnly to, DateTimeOffset? now = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Statistics>()
            .ComputeAsync(new StatisticsPeriod(from, to), now ?? Now, CancellationToken.None);
    }
}
