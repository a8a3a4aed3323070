using Referral.Service.Dashboard;

namespace Referral.Service.Tests.Dashboard;

public sealed class StatisticsPeriodTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Test]
    public void The_default_period_is_the_twelve_Shanghai_months_up_to_the_current_one()
    {
        // 31 May 16:30 UTC is already 1 June in Shanghai.
        var period = StatisticsPeriod.LastTwelveMonths(new DateTimeOffset(2026, 5, 31, 16, 30, 0, TimeSpan.Zero), Shanghai);

        Assert.That(period, Is.EqualTo(new StatisticsPeriod(new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 1))));
        Assert.That(period.MonthCount, Is.EqualTo(12));
        Assert.That(period.PreviousYear, Is.EqualTo(new StatisticsPeriod(new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 1))));
    }

    [Test]
    public void A_missing_start_is_twelve_months_before_the_given_end()
    {
        var ok = StatisticsPeriod.TryParse(null, "2026-03", DateTimeOffset.UtcNow, Shanghai, out var period, out var errors);

        Assert.That(ok, Is.True, string.Join("; ", errors.Keys));
        Assert.That(period, Is.EqualTo(new StatisticsPeriod(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 1))));
    }

    [Test]
    public void Months_begin_at_Shanghai_midnight()
    {
        var scale = new MonthScale(new StatisticsPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1)), Shanghai);

        Assert.That(scale.Start, Is.EqualTo(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero)));
        Assert.That(scale.End, Is.EqualTo(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.That(scale.IndexOf(new DateTimeOffset(2026, 2, 28, 15, 59, 59, TimeSpan.Zero)), Is.EqualTo(-1));
        Assert.That(scale.IndexOf(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero)), Is.Zero);
        Assert.That(scale.IndexOf(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)), Is.EqualTo(1));
        Assert.That(scale.IndexOf(new DateTimeOffset(2026, 5, 31, 15, 59, 59, TimeSpan.Zero)), Is.EqualTo(2));
        Assert.That(scale.IndexOf(new DateTimeOffset(2026, 5, 31, 16, 0, 0, TimeSpan.Zero)), Is.EqualTo(-1));
    }
}
