using Microsoft.Data.Sqlite;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// The SQLite database unavailable to the service: another connection holds the write lock
/// (<c>BEGIN EXCLUSIVE</c>) until disposed, so that every write the service tries waits out its busy
/// timeout and fails with SQLITE_BUSY, as writes fail against a database server that is down. (SQLite
/// has no server to stop; moving or chmodding the file does not touch connections the pool already
/// holds, and a moved file would be re-created empty by the next connection, which is another fault.)
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private DatabaseOutage(SqliteConnection connection) => _connection = connection;

    public static async Task<DatabaseOutage> BeginAsync(string databaseFile)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Pooling = false,
            DefaultTimeout = 120, // waits for the service's current write to finish
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return new DatabaseOutage(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync();
        }
        await _connection.DisposeAsync();
    }
}
