using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Calendar;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Data;
using Referral.Service.Calendar;
using Referral.Service.Reference;

namespace Referral.Service.Dashboard;

/// <summary>
/// The figures of the dashboard (definitions in docs/statistics.md). One query per family of figures,
/// each projecting only the columns it needs and untracked; months are sorted out in memory
/// (<see cref="MonthScale"/>), categories are counted by the database. Statistics are counts over the
/// whole street, never cases: whoever may see them (<c>Policies.Oversight</c>) sees all of them.
/// </summary>
public sealed partial class Statistics(ReferralDbContext db, CalendarProvider calendars, ReferenceDataCache reference,
    ILogger<Statistics> logger)
{
    public async Task<StatisticsReport> ComputeAsync(StatisticsPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await reference.EnsureFreshAsync(cancellationToken);
        var calendar = calendars.Current;
        var current = new MonthScale(period, calendar.TimeZone);
        var previous = new MonthScale(period.PreviousYear, calendar.TimeZone);

        var costs = new List<string>();
        var referred = await Timed("referred", costs, () => ReferredInstantsAsync(current, previous, cancellationToken));
        var groups = await Timed("groups", costs, () => ReferredGroupsAsync(current, cancellationToken));
        var handling = await Timed("handling", costs, () => HandlingAsync(current, cancellationToken));
        var overdue = await Timed("overdue", costs, () => OverdueNowAsync(now, cancellationToken));
        var turnedCriminal = await Timed("turned-criminal", costs, () => TurnedCriminalAsync(current, cancellationToken));
        var feedback = await Timed("daily-feedback", costs, () => DailyFeedbackAsync(current, calendar, now, cancellationToken));

        var report = Assemble(new Inputs(current, calendar, now, current.Tally(referred), previous.Tally(referred), groups, handling,
            overdue, turnedCriminal, feedback));
        logger.LogInformation("Statistics for {Period} computed in {Elapsed} ms ({Costs})", period, watch.ElapsedMilliseconds, string.Join(", ", costs));
        return report;
    }

    /// <summary>Runs one family's query and notes what it cost, rows read included: the log shows which figure grows slow.</summary>
    private static async Task<T> Timed<T>(string name, List<string> costs, Func<Task<T>> query)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await query();
        costs.Add($"{name} {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0} ms");
        return result;
    }

    /// <summary>Referral instants of the period and of the same months a year earlier, for the months and the trend.</summary>
    private Task<List<DateTimeOffset>> ReferredInstantsAsync(MonthScale current, MonthScale previous, CancellationToken cancellationToken)
    {
        var (start, end, prevStart, prevEnd) = (current.Start, current.End, previous.Start, previous.End);
        return db.Cases.AsNoTracking()
            .Where(c => (c.ReferredAt >= start && c.ReferredAt < end) || (c.ReferredAt >= prevStart && c.ReferredAt < prevEnd))
            .Select(c => c.ReferredAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Cases referred in the period, counted by the database per (type, station, lead department, color).</summary>
    private Task<List<ReferredGroup>> ReferredGroupsAsync(MonthScale current, CancellationToken cancellationToken)
    {
        var (start, end) = (current.Start, current.End);
        return db.Cases.AsNoTracking()
            .Where(c => c.ReferredAt >= start && c.ReferredAt < end)
            .GroupBy(c => new { c.DisputeTypeCode, c.StationCode, c.LeadDepartmentCode, c.Color })
            .Select(g => new ReferredGroup(g.Key.DisputeTypeCode, g.Key.StationCode, g.Key.LeadDepartmentCode, g.Key.Color,
                g.Count(), g.Count(c => c.RecurrenceOfCaseId != null)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Cases accepted or closed in the period: closings per month, accept and resolve times, per department.</summary>
    private Task<List<HandlingRow>> HandlingAsync(MonthScale current, CancellationToken cancellationToken)
    {
        var (start, end) = (current.Start, current.End);
        return db.Cases.AsNoTracking()
            .Where(c => (c.AcceptedAt >= start && c.AcceptedAt < end) || (c.ClosedAt >= start && c.ClosedAt < end))
            .Select(c => new HandlingRow(c.LeadDepartmentCode, c.RoutedAt, c.AcceptedAt, c.ClosedAt, c.Outcome))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The same test as <see cref="Case.IsOverdue"/>, in SQL.</summary>
    private Task<int> OverdueNowAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().CountAsync(c =>
            (c.Status == CaseStatus.Routed && c.AcceptDueAt < now)
            || ((c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress) && c.ResolveDueAt < now), cancellationToken);

    /// <summary>民转刑 by the date of the flag (a case is flagged at most once).</summary>
    private Task<int> TurnedCriminalAsync(MonthScale current, CancellationToken cancellationToken)
    {
        var (start, end) = (current.Start, current.End);
        return db.Timeline.AsNoTracking().CountAsync(
            t => t.Action == CaseAction.FlagTurnedCriminal && t.At >= start && t.At < end, cancellationToken);
    }

    /// <summary>
    /// 日清率 over the working days of the period that have ended. Only cases ever accepted before the
    /// last counted day and not closed before the first one can need feedback in it; of those, the entries
    /// that take them into or out of handling, and their progress entries, are enough to tell
    /// (<see cref="DailyFeedbackCounter"/>).
    /// </summary>
    private async Task<DailyFeedback> DailyFeedbackAsync(MonthScale current, WorkingCalendar calendar, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var first = current.Period.From;
        var yesterday = calendar.DateOf(now).AddDays(-1);
        var periodLast = current.Period.To.AddMonths(1).AddDays(-1);
        var last = yesterday < periodLast ? yesterday : periodLast;
        if (last < first) return new DailyFeedback(0, 0, null);
        var start = current.Start;
        var end = StatisticsPeriod.StartOf(last.AddDays(1), calendar.TimeZone);

        // An uncorrelated IN (ids of accept entries, read off the (Action, At) index once): as a correlated
        // EXISTS, SQLite chose that index for every case and went quadratic (minutes at 100,000 cases).
        var accepted = db.Timeline.Where(t => t.Action == CaseAction.Accept && t.At < end).Select(t => t.CaseId);
        var candidates = db.Cases
            .Where(c => c.ReferredAt < end && (c.ClosedAt == null || c.ClosedAt >= start) && accepted.Contains(c.Id))
            .Select(c => c.Id);
        // Only the rows that matter: progress within the counted days, and the entries that take a case into
        // handling (Accepted, InProgress) or out of it; not its referral, routing or the first progress entry's Accepted → InProgress.
        var rows = await db.Timeline.AsNoTracking()
            .Where(t => candidates.Contains(t.CaseId) && t.At < end
                        && ((t.Action == CaseAction.RecordProgress && t.At >= start)
                            || ((t.ToStatus == CaseStatus.Accepted || t.ToStatus == CaseStatus.InProgress)
                                != (t.FromStatus == CaseStatus.Accepted || t.FromStatus == CaseStatus.InProgress))))
            .OrderBy(t => t.CaseId).ThenBy(t => t.Sequence)
            .Select(t => new FeedbackRow(t.CaseId, t.At, t.Action, t.ToStatus))
            .ToListAsync(cancellationToken);
        var (required, withProgress) = DailyFeedbackCounter.Count(rows, calendar, first, last);
        return new DailyFeedback(required, withProgress, Percent(withProgress, required));
    }

    private sealed record ReferredGroup(string DisputeTypeCode, string StationCode, string? LeadDepartmentCode, WarningColor Color,
        int Count, int Recurrences);

    private sealed record HandlingRow(string? LeadDepartmentCode, DateTimeOffset? RoutedAt, DateTimeOffset? AcceptedAt,
        DateTimeOffset? ClosedAt, CaseOutcome? Outcome);
}
