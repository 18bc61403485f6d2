using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>Keeps every log line a silo writes (message and exception text), for privacy checks.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int MaxLines = 50_000;
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public bool Contains(string text) => lines.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        if (lines.Count < MaxLines)
        {
            lines.Enqueue(line);
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
