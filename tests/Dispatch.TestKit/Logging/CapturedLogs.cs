using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Dispatch.TestKit.Logging;

/// <summary>
/// Keeps every log entry the silo writes, as a console logger with scopes would print it: the formatted
/// message, each structured value, every scope and the exception. Tests search it for what must not leak.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    // A bound, so that a chatty silo at Debug cannot eat the test run's memory.
    private const int MaxEntries = 50_000;
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    /// <summary>The entries that contain <paramref name="text"/> (ordinal).</summary>
    public IReadOnlyList<string> Containing(string text) =>
        [.. entries.Where(e => e.Contains(text, StringComparison.Ordinal))];

    /// <summary>Whether any entry contains <paramref name="text"/>, in any case.</summary>
    public bool Contains(string text) => entries.Any(e => e.Contains(text, StringComparison.OrdinalIgnoreCase));

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            AppendValues(text, state);
            owner.scopes.ForEachScope((scope, builder) => AppendValues(builder.Append(" => ").Append(scope), scope), text);
            if (exception is not null)
            {
                text.Append(Environment.NewLine).Append(exception);
            }

            if (owner.entries.Count < MaxEntries)
            {
                owner.entries.Enqueue(text.ToString());
            }
        }

        private static void AppendValues(StringBuilder text, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" [").Append(key).Append('=').Append(value).Append(']');
                }
            }
        }
    }
}
