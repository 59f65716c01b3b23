using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RolesAnywhere.Credentials.Tests.Hosting;

/// <summary>A real logger sink that keeps every entry, with its structured values and exception, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Everything an entry exposes to a log sink, as one text (to search for secrets).</summary>
    public string AllText() => string.Join("\n", Entries.Select(e => e.AllText()));

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
    {
        public object? Value(string key) => State.FirstOrDefault(p => p.Key == key).Value;

        public string AllText() =>
            $"{Category} {Level} {EventId} {Message} {string.Join(" ", State.Select(p => $"{p.Key}={p.Value}"))} {Exception}";
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            provider.Entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}
