using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal;

namespace Referral.Data;

/// <summary>Tells the errors of both providers apart: a unique key hit, or a passing failure worth a retry.</summary>
public static class DbErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteCantOpen = 14;
    private const int SqliteIoErr = 10;

    public static bool IsUniqueViolation(Exception exception) => Inner(exception) switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>Failures that may pass: a busy or unreachable database, a timeout, a deadlock.</summary>
    public static bool IsTransient(Exception exception) => Inner(exception) switch
    {
        SqliteException s => s.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteCantOpen or SqliteIoErr,
#pragma warning disable EF1001 // The detector is the provider's own list of transient SQL Server errors.
        SqlException s => SqlServerTransientExceptionDetector.ShouldRetryOn(s) || s.Number is -2 or 53 or 1205,
#pragma warning restore EF1001
        TimeoutException => true,
        InvalidOperationException i when i.InnerException is not null => IsTransient(i.InnerException),
        _ => false,
    };

    /// <summary>True when any exception of the chain is a passing failure (wrapped by MassTransit, EF Core, or a pool).</summary>
    public static bool IsTransientAnywhere(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (IsTransient(e)) return true;
        return false;
    }

    private static Exception Inner(Exception exception) =>
        exception is DbUpdateException { InnerException: { } inner } ? inner : exception;
}
