using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Referral.Benchmarks.Bulk;

/// <summary>
/// Fills a migrated SQLite file with many cases fast: the template cases' rows cloned with raw SQL in
/// one transaction through prepared commands, indexes dropped meanwhile and rebuilt after. Each clone
/// gets its own id and incident number and one of the handling departments as lead; open clones also
/// get their template's parties (the digests show them). Timeline rows are not cloned: neither the
/// sweep nor the digests read them (a case carries its last timeline hash and count).
/// </summary>
internal static class BulkCases
{
    private static readonly string[] Tables = ["Cases", "CaseParties"];

    public static async Task<IReadOnlyList<string>> AddDepartmentsAsync(string database, int wanted)
    {
        await using var connection = await OpenAsync(database);
        var codes = await ListAsync(connection, "SELECT Code FROM Departments WHERE Kind <> 'Center' AND IsActive = 1 ORDER BY Code");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Departments (Code, Name, Kind, Email, IsActive) VALUES ($code, $name, 'Department', $email, 1)";
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        for (var n = codes.Count + 1; n <= wanted; n++)
        {
            code.Value = $"bench{n:D3}";
            name.Value = $"压测单位{n:D3}";
            email.Value = $"bench{n:D3}@example.org";
            await insert.ExecuteNonQueryAsync();
        }
        return await ListAsync(connection, "SELECT Code FROM Departments WHERE Kind <> 'Center' AND IsActive = 1 ORDER BY Code");
    }

    /// <param name="dueShare">One open clone in this many (whole rounds of the templates) is due for its escalation check now.</param>
    public static async Task<double> CloneAsync(string database, int total, IReadOnlyList<string> departments, int dueShare)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await OpenAsync(database);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        var columns = await ListAsync(connection, "SELECT name FROM pragma_table_info('Cases') ORDER BY cid");
        var templates = await RowsAsync(connection, $"SELECT {string.Join(",", columns)} FROM Cases");
        var parties = (await RowsAsync(connection, "SELECT CaseId, Name, Gender, Phone, IdNumber, Address, Role FROM CaseParties"))
            .ToLookup(p => (string)p[0]!);
        var indexes = await RowsAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('{string.Join("','", Tables)}')");
        foreach (var index in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{index[0]}\"");

        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insertCase = connection.CreateCommand();
            insertCase.CommandText = $"INSERT INTO Cases ({string.Join(",", columns)}) VALUES ({string.Join(",", columns.Select((_, i) => $"$c{i}"))})";
            var values = columns.Select((_, i) => insertCase.Parameters.Add(new SqliteParameter { ParameterName = $"$c{i}", Value = DBNull.Value })).ToArray();
            await using var insertParty = connection.CreateCommand();
            insertParty.CommandText = "INSERT INTO CaseParties (CaseId, Name, Gender, Phone, IdNumber, Address, Role) VALUES ($0, $1, $2, $3, $4, $5, $6)";
            var party = Enumerable.Range(0, 7).Select(i => insertParty.Parameters.Add(new SqliteParameter { ParameterName = $"${i}", Value = DBNull.Value })).ToArray();
            insertCase.Prepare();
            insertParty.Prepare();
            var (id, incident, lead, status, check) = (columns.IndexOf("Id"), columns.IndexOf("IncidentNumber"), columns.IndexOf("LeadDepartmentCode"),
                columns.IndexOf("Status"), columns.IndexOf("NextEscalationCheckAt"));
            var justDue = Stored(DateTimeOffset.UtcNow.AddMinutes(-1));
            for (var n = 0; n < total - templates.Count; n++)
            {
                var template = templates[n % templates.Count];
                var caseId = Guid.NewGuid().ToString().ToUpperInvariant();
                for (var i = 0; i < columns.Count; i++) values[i].Value = template[i] ?? DBNull.Value;
                values[id].Value = caseId;
                values[incident].Value = $"BULK{n:D8}";
                if (template[lead] is not null) values[lead].Value = departments[n % departments.Count];
                if (template[check] is not null && n / templates.Count % dueShare == 0) values[check].Value = justDue;
                await insertCase.ExecuteNonQueryAsync();
                if (template[status] is "Closed" or "FollowedUp") continue;
                foreach (var p in parties[(string)template[id]!])
                {
                    party[0].Value = caseId;
                    for (var i = 1; i < 7; i++) party[i].Value = p[i] ?? DBNull.Value;
                    await insertParty.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
        }
        foreach (var index in indexes) await ExecuteAsync(connection, (string)index[1]!);
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        return watch.Elapsed.TotalSeconds;
    }

    public static async Task<(long Cases, long Open, long Due)> CountAsync(string database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), SUM(Status NOT IN ('Closed','FollowedUp')), SUM(NextEscalationCheckAt <= $now) FROM Cases";
        command.Parameters.AddWithValue("$now", Stored(DateTimeOffset.UtcNow));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? 0 : reader.GetInt64(2));
    }

    /// <summary>As EF Core's SQLite provider stores a <see cref="DateTimeOffset"/>.</summary>
    private static long Stored(DateTimeOffset at) => (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql) =>
        (await RowsAsync(connection, sql)).Select(r => (string)r[0]!).ToList();

    private static async Task<List<object?[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
