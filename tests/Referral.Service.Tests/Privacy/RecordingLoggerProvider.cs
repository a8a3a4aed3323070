using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Referral.Service.Tests.Privacy;

/// <summary>
/// Keeps every log entry of the host as text, at every level: the formatted message, the values of its
/// scopes, and the whole exception (type, message, inner exceptions, stack).
/// </summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            provider._scopes.ForEachScope((scope, text) => text.Append(" | scope: ").Append(Render(scope)), line);
            if (exception is not null) line.Append(" | exception: ").Append(exception);
            provider._lines.Enqueue(line.ToString());
        }

        private static string? Render(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString();
    }
}
