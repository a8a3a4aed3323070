using System.Globalization;
using System.Text.Json;

namespace Referral.Core.Calendar;

/// <summary>
/// Reads the working calendar the admin maintains (docs/calendar.md; shipped as deploy/calendar/cn-holidays.json).
/// <code>
/// {
///   "source": "国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)",     // optional, free text or a list of texts
///   "timeZone": "Asia/Shanghai",                                       // optional, IANA id; default Asia/Shanghai
///   "workingHours": [ { "start": "08:30", "end": "12:00" },            // optional; default 08:30–12:00, 13:30–17:30
///                     { "start": "13:30", "end": "17:30" } ],
///   "holidays": [ { "date": "2026-09-25", "name": "中秋节" },           // one day ...
///                 { "from": "2026-10-01", "to": "2026-10-07", "name": "国庆节" } ],   // ... or a range, both ends included
///   "workingDays": [ { "date": "2026-10-10", "name": "国庆节调休" } ]    // Saturdays or Sundays that are worked (调休)
/// }
/// </code>
/// Dates are yyyy-MM-dd, times HH:mm on the wall clock of the time zone. Every entry needs a name. Comments
/// (// and /* */) and trailing commas are allowed; unknown fields are refused so that a typo is not silently ignored.
/// Every error is reported at once, each naming its entry (holidays[3], workingHours[1].end ...).
/// </summary>
public static class CalendarFile
{
    /// <summary>The longest holiday range accepted; a longer one is almost certainly a mistyped date.</summary>
    public const int MaxRangeDays = 31;

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and parses the file at <paramref name="path"/> (the only I/O of the calendar).</summary>
    public static WorkingCalendar Load(string path) => Parse(File.ReadAllText(path), path);

    /// <exception cref="CalendarFileException">The text is not a usable calendar; the message lists every problem.</exception>
    public static WorkingCalendar Parse(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new CalendarFileException(
                [$"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}"], sourceName);
        }

        using (document)
        {
            var reader = new Reader();
            var calendar = reader.Read(document.RootElement);
            return reader.Errors.Count == 0 ? calendar! : throw new CalendarFileException(reader.Errors, sourceName);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    /// <summary>One parse: collects every error instead of stopping at the first.</summary>
    private sealed class Reader
    {
        private static readonly string[] TopLevel = ["source", "timeZone", "workingHours", "holidays", "workingDays"];
        private static readonly string[] PeriodFields = ["start", "end"];
        private static readonly string[] DayFields = ["date", "from", "to", "name"];

        public List<string> Errors { get; } = [];

        public WorkingCalendar? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Errors.Add("the file must hold one JSON object with timeZone, workingHours, holidays and workingDays");
                return null;
            }
            CheckFields(root, "the file", TopLevel);
            CheckSource(root);
            var zone = ReadTimeZone(root);
            var hours = ReadWorkingHours(root);
            var holidays = ReadDays(root, "holidays");
            var workingDays = ReadDays(root, "workingDays");
            CheckWorkingDaysAreWeekends(workingDays);
            CheckNoDayIsBoth(holidays, workingDays);
            if (Errors.Count > 0 || zone is null) return null;
            return new WorkingCalendar(zone, hours, holidays.Select(d => d.Day), workingDays.Select(d => d.Day));
        }

        private void CheckSource(JsonElement root)
        {
            if (!root.TryGetProperty("source", out var source)) return;
            var ok = source.ValueKind == JsonValueKind.String
                || (source.ValueKind == JsonValueKind.Array && source.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String));
            if (!ok) Errors.Add("source: must be a text or a list of texts");
        }

        private TimeZoneInfo? ReadTimeZone(JsonElement root)
        {
            var id = WorkingCalendar.DefaultTimeZoneId;
            if (root.TryGetProperty("timeZone", out var element))
            {
                if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
                {
                    Errors.Add("timeZone: must be a time zone id such as \"Asia/Shanghai\"");
                    return null;
                }
                id = element.GetString()!;
            }
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                Errors.Add($"timeZone: \"{id}\" is not a known time zone (use an IANA id such as \"Asia/Shanghai\")");
                return null;
            }
        }

        private List<WorkingPeriod> ReadWorkingHours(JsonElement root)
        {
            if (!root.TryGetProperty("workingHours", out var array)) return [.. WorkingCalendar.DefaultWorkingHours];
            var periods = new List<(WorkingPeriod Period, string Where)>();
            foreach (var (entry, where) in Entries(array, "workingHours"))
            {
                CheckFields(entry, where, PeriodFields);
                var start = ReadTime(entry, where, "start");
                var end = ReadTime(entry, where, "end");
                if (start is null || end is null) continue;
                if (end <= start)
                    Errors.Add($"{where}: end {CalendarText.Clock(end.Value)} is not after start {CalendarText.Clock(start.Value)}");
                else
                    periods.Add((new WorkingPeriod(start.Value, end.Value), where));
            }
            if (array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == 0)
                Errors.Add("workingHours: lists no period; leave it out for the default 08:30–12:00 and 13:30–17:30");
            CheckNoOverlap(periods);
            return periods.Select(p => p.Period).ToList();
        }

        private void CheckNoOverlap(List<(WorkingPeriod Period, string Where)> periods)
        {
            var sorted = periods.OrderBy(p => p.Period.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                if (sorted[i].Period.Start < sorted[i - 1].Period.End)
                    Errors.Add($"{sorted[i].Where} ({sorted[i].Period}) overlaps {sorted[i - 1].Where} ({sorted[i - 1].Period})");
            }
        }

        private List<(CalendarDay Day, string Where)> ReadDays(JsonElement root, string list)
        {
            var days = new List<(CalendarDay, string)>();
            if (!root.TryGetProperty(list, out var array)) return days;
            foreach (var (entry, where) in Entries(array, list))
            {
                CheckFields(entry, where, DayFields);
                var name = ReadName(entry, where);
                var dates = ReadDates(entry, where);
                if (name is null) continue;
                days.AddRange(dates.Select(d => (new CalendarDay(d, name), $"{where} {name}")));
            }
            return days;
        }

        private List<DateOnly> ReadDates(JsonElement entry, string where)
        {
            var hasDate = entry.TryGetProperty("date", out _);
            var hasRange = entry.TryGetProperty("from", out _) || entry.TryGetProperty("to", out _);
            if (hasDate == hasRange)
            {
                Errors.Add($"{where}: give either \"date\", or \"from\" and \"to\"");
                return [];
            }
            if (hasDate) return ReadDate(entry, where, "date") is { } date ? [date] : [];

            var from = ReadDate(entry, where, "from");
            var to = ReadDate(entry, where, "to");
            if (from is null || to is null) return [];
            if (to < from)
            {
                Errors.Add($"{where}: \"to\" {CalendarText.Iso(to.Value)} is before \"from\" {CalendarText.Iso(from.Value)}");
                return [];
            }
            var length = to.Value.DayNumber - from.Value.DayNumber + 1;
            if (length > MaxRangeDays)
            {
                Errors.Add($"{where}: {length} days from {CalendarText.Iso(from.Value)} to {CalendarText.Iso(to.Value)}; a range longer than {MaxRangeDays} days is probably a mistyped date");
                return [];
            }
            return Enumerable.Range(0, length).Select(from.Value.AddDays).ToList();
        }

        private void CheckWorkingDaysAreWeekends(List<(CalendarDay Day, string Where)> workingDays)
        {
            foreach (var (day, where) in workingDays.Where(d => d.Day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            {
                Errors.Add($"{where}: {CalendarText.Iso(day.Date)} is a {day.Date.DayOfWeek}; only a Saturday or Sunday can be a swapped working day (调休), weekdays are working days already");
            }
        }

        private void CheckNoDayIsBoth(List<(CalendarDay Day, string Where)> holidays, List<(CalendarDay Day, string Where)> workingDays)
        {
            var holidayByDate = holidays.GroupBy(h => h.Day.Date).ToDictionary(g => g.Key, g => g.First().Where);
            foreach (var (day, where) in workingDays)
            {
                if (holidayByDate.TryGetValue(day.Date, out var holiday))
                    Errors.Add($"{CalendarText.Iso(day.Date)} is both a holiday ({holiday}) and a working day ({where})");
            }
        }

        private IEnumerable<(JsonElement Entry, string Where)> Entries(JsonElement array, string list)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                Errors.Add($"{list}: must be a list [ ... ]");
                yield break;
            }
            var i = 0;
            foreach (var entry in array.EnumerateArray())
            {
                var where = $"{list}[{i++}]";
                if (entry.ValueKind == JsonValueKind.Object)
                    yield return (entry, where);
                else
                    Errors.Add($"{where}: must be an object {{ ... }}");
            }
        }

        private void CheckFields(JsonElement entry, string where, string[] known)
        {
            foreach (var property in entry.EnumerateObject().Where(p => !known.Contains(p.Name)))
            {
                Errors.Add($"{where}: unknown field \"{property.Name}\" (expected {string.Join(", ", known)})");
            }
        }

        private string? ReadName(JsonElement entry, string where)
        {
            if (entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
                return name.GetString()!.Trim();
            Errors.Add($"{where}: needs a \"name\", such as \"国庆节\" or \"国庆节调休\"");
            return null;
        }

        private DateOnly? ReadDate(JsonElement entry, string where, string field)
        {
            var text = ReadText(entry, where, field);
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Errors.Add($"{where}.{field}: \"{text}\" is not a date (yyyy-MM-dd, such as 2026-10-01)");
            return null;
        }

        private TimeOnly? ReadTime(JsonElement entry, string where, string field)
        {
            var text = ReadText(entry, where, field);
            if (text is null) return null;
            if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            Errors.Add($"{where}.{field}: \"{text}\" is not a time of day (HH:mm, from 00:00 to 23:59)");
            return null;
        }

        private string? ReadText(JsonElement entry, string where, string field)
        {
            if (!entry.TryGetProperty(field, out var value))
            {
                Errors.Add($"{where}: \"{field}\" is missing");
                return null;
            }
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Errors.Add($"{where}.{field}: must be a text in quotes, not {value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
    }
}
