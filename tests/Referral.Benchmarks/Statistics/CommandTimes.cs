using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Referral.Benchmarks.Statistics;

/// <summary>
/// Records, while switched on, the statistics' own account of what each query family cost (rows read
/// included: SQLite does its work while the rows are read, after EF Core's "Executed DbCommand" is logged).
/// </summary>
internal sealed partial class CommandTimes : ILoggerProvider
{
    private readonly ConcurrentQueue<(int Milliseconds, string Sql)> _commands = new();

    public bool Recording { get; set; }

    public IReadOnlyList<(int Milliseconds, string Sql)> TakeAll()
    {
        var all = _commands.ToList();
        _commands.Clear();
        return all;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == typeof(Referral.Service.Dashboard.Statistics).FullName ? new Recorder(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    [GeneratedRegex(@"computed in (\d+) ms \((?<sql>.*)\)$")]
    private static partial Regex Executed();

    private sealed class Recorder(CommandTimes owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.Recording;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!owner.Recording) return;
            var match = Executed().Match(formatter(state, exception));
            if (!match.Success) return;
            var sql = string.Join(' ', match.Groups["sql"].Value.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            owner._commands.Enqueue((int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), sql));
        }
    }
}
