using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/referral.db";

    /// <summary>Apply pending migrations at start (several instances take EF Core's migration lock in turn).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
