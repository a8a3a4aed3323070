using Referral.Core.Calendar;
using Referral.Core.Cases;

namespace Referral.Service.Dashboard;

/// <summary>A timeline entry as 日清 needs it: a progress entry, or a change of status.</summary>
public sealed record FeedbackRow(Guid CaseId, DateTimeOffset At, CaseAction Action, CaseStatus ToStatus);

/// <summary>
/// 日清率 from the timeline. A case needs feedback on working day D when it was under handling
/// (Accepted or InProgress) without interruption from a date before D to a date after D: the day of
/// acceptance, resumption or reopening does not count yet, nor does the day it is closed, put on hold,
/// rejected or transferred. It complied on D when anyone recorded progress on it dated D (any time of
/// the day, in the calendar's time zone) — the same "feedback day" as the escalation rules.
/// </summary>
public static class DailyFeedbackCounter
{
    /// <param name="rows">Ordered by case, then by timeline sequence.</param>
    /// <param name="first">The first day counted (the period's first day).</param>
    /// <param name="last">The last day counted (the period's last day, or yesterday while the period runs).</param>
    public static (int Required, int WithProgress) Count(IEnumerable<FeedbackRow> rows, WorkingCalendar calendar, DateOnly first, DateOnly last)
    {
        var required = 0;
        var withProgress = 0;
        if (last < first) return (0, 0);
        foreach (var caseRows in rows.ChunkBy(r => r.CaseId))
        {
            var (spans, progress) = Spans(caseRows, calendar);
            foreach (var (from, to) in spans)
            {
                var a = from > first ? from : first;
                var b = to < last ? to : last;
                if (b < a) continue;
                required += calendar.WorkingDaysBetween(a.AddDays(-1), b);
                withProgress += progress.Count(d => d >= a && d <= b && calendar.IsWorkingDay(d));
            }
        }
        return (required, withProgress);
    }

    /// <summary>The stretches of dates needing feedback (first and last date inclusive), and the dates with progress.</summary>
    private static (List<(DateOnly From, DateOnly To)> Spans, HashSet<DateOnly> Progress) Spans(IEnumerable<FeedbackRow> rows, WorkingCalendar calendar)
    {
        var spans = new List<(DateOnly, DateOnly)>();
        var progress = new HashSet<DateOnly>();
        var handling = false;
        var since = DateOnly.MinValue;
        foreach (var row in rows)
        {
            var date = calendar.DateOf(row.At);
            if (row.Action == CaseAction.RecordProgress) progress.Add(date);
            var now = IsHandling(row.ToStatus);
            if (now && !handling) since = date;
            if (!now && handling) spans.Add((since.AddDays(1), date.AddDays(-1)));
            handling = now;
        }
        if (handling) spans.Add((since.AddDays(1), DateOnly.MaxValue));
        return (spans, progress);
    }

    public static bool IsHandling(CaseStatus status) => status is CaseStatus.Accepted or CaseStatus.InProgress;

    private static IEnumerable<List<T>> ChunkBy<T, TKey>(this IEnumerable<T> source, Func<T, TKey> key)
    {
        var chunk = new List<T>();
        foreach (var item in source)
        {
            if (chunk.Count > 0 && !EqualityComparer<TKey>.Default.Equals(key(chunk[0]), key(item)))
            {
                yield return chunk;
                chunk = [];
            }
            chunk.Add(item);
        }
        if (chunk.Count > 0) yield return chunk;
    }
}
