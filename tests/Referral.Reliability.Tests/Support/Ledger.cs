using Microsoft.Data.Sqlite;

namespace Referral.Reliability.Tests.Support;

/// <summary>Reads the service's SQLite database directly, as an auditor would: nothing the service says about itself.</summary>
public static class Ledger
{
    /// <summary>How many cases each incident number starting with <paramref name="prefix"/> has.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CasesPerIncidentAsync(string databaseFile, string prefix)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await QueryAsync(databaseFile, "SELECT IncidentNumber, COUNT(*) FROM Cases WHERE IncidentNumber LIKE $prefix || '%' GROUP BY IncidentNumber",
            command => command.Parameters.AddWithValue("$prefix", prefix),
            reader => counts[reader.GetString(0)] = reader.GetInt32(1));
        return counts;
    }

    public static async Task<long> ScalarAsync(string databaseFile, string sql)
    {
        long value = 0;
        await QueryAsync(databaseFile, sql, _ => { }, reader => value = reader.GetInt64(0));
        return value;
    }

    public static async Task QueryAsync(string databaseFile, string sql, Action<SqliteCommand> parameters, Action<SqliteDataReader> row)
    {
        // No pooling: the file is not held open between reads (a test may lock or inspect it meanwhile).
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 60,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        parameters(command);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }
}
