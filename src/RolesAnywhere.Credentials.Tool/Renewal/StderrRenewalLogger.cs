using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Renewal;

/// <summary>
/// The renewer's log lines on the tool's stderr, one line each (<c>rolesanywhere: renewal: …</c>), in-process renewal of
/// <c>serve</c> and <c>update</c>: the message (with the stage of a failure) and the cause's message, never a stack trace.
/// The renewer logs serials, dates, stages and messages only, never keys or passwords.
/// </summary>
/// <param name="stderr">Where the lines go.</param>
/// <param name="time">The clock of the lines' time stamps.</param>
/// <param name="events">The event names to write, or <see langword="null"/> for all (<c>renew</c> prints its own result
/// and failure, and logs only what it does not print, such as the issuer program it runs).</param>
internal sealed class StderrRenewalLogger(TextWriter stderr, TimeProvider time, IReadOnlySet<string>? events = null) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel) || (events is not null && !events.Contains(eventId.Name ?? string.Empty)))
        {
            return;
        }

        var line = $"rolesanywhere: {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} renewal: {LibraryTerms.ToFlags(formatter(state, exception))}";
        if (exception is not null)
        {
            line += ": " + LibraryTerms.Describe(exception).ReplaceLineEndings(" ");
        }

        lock (stderr)
        {
            stderr.WriteLine(line);
            stderr.Flush();
        }
    }
}
