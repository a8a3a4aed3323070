using CsvHelper;
using Referral.Contracts;

namespace Referral.Dispatch.Csv;

/// <summary>One problem with one cell; the value is only repeated for typed cells (times, numbers, yes/no), never for personal data.</summary>
internal sealed record CellProblem(string Column, string Message);

/// <summary>One data row: the referral it maps to, or why it cannot be mapped.</summary>
/// <param name="Row">The row as a spreadsheet numbers it: the header is row 1, the first incident row 2.</param>
internal sealed record CsvRow(int Row, string? IncidentNumber, IncidentReferred? Referral, IReadOnlyList<CellProblem> Problems);

/// <summary>The header does not fit the schema: nothing can be imported.</summary>
internal sealed class CsvSchemaException(string message) : Exception(message);

/// <summary>
/// Maps import CSV rows (<see cref="CsvSchema"/>) to referrals. Only what cannot be expressed in the
/// referral at all (an unreadable time, number or yes/no) is refused here; everything else, such as a
/// wrong phone number, is the service's to judge, so that every door gives the same answer.
/// </summary>
internal static class ReferralCsvReader
{
    public static IReadOnlyList<CsvRow> ReadFile(string path)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(text);
    }

    public static IReadOnlyList<CsvRow> Read(TextReader text)
    {
        var malformed = new Dictionary<long, string>();
        var options = new CsvReaderOptions
        {
            TrimWhitespace = true,
            OnMalformedRecord = m => malformed.TryAdd(m.RecordNumber, m.Reason.ToString()),
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var columns = ColumnIndexes(csv.Headers);
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var row = checked((int)csv.RowNumber + 1);
            string Cell(string column) => columns.TryGetValue(column, out var i) ? csv.GetString(i).Trim() : "";
            var problems = new List<CellProblem>();
            if (malformed.TryGetValue(row, out var reason)) problems.Add(new CellProblem("(row)", $"malformed CSV quoting ({reason})"));
            if (csv.FieldCount > columns.Count)
                problems.Add(new CellProblem("(row)", $"has {csv.FieldCount} cells but the header names {columns.Count} columns"));
            var referral = RowMapper.Map(Cell, problems);
            var incident = Cell("incidentNumber");
            rows.Add(new CsvRow(row, incident.Length > 0 ? incident : null, problems.Count == 0 ? referral : null, problems));
        }
        return rows;
    }

    private static Dictionary<string, int> ColumnIndexes(IReadOnlyList<string> headers)
    {
        if (headers.Count == 0) throw new CsvSchemaException("the file is empty: expected a header row naming the columns");
        var known = CsvSchema.Columns.ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var indexes = new Dictionary<string, int>();
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF');
            if (!known.TryGetValue(name, out var column)) unknown.Add(name);
            else if (!indexes.TryAdd(column, i)) throw new CsvSchemaException($"column '{column}' appears twice in the header");
        }
        if (unknown.Count > 0)
            throw new CsvSchemaException($"unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the columns are: {string.Join(", ", CsvSchema.Columns)}");
        if (!indexes.ContainsKey("incidentNumber")) throw new CsvSchemaException("the header has no 'incidentNumber' column");
        return indexes;
    }
}
