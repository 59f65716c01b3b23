using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Renewal;

/// <summary>
/// The renewer's log lines on the tool's stderr, one line each (<c>rolesanywhere: renewal: …</c>), in-process renewal of
/// <c>serve</c> and <c>update</c>: the message (with the stage of a failure) and the cause's message, never a stack trace.
/// The renewer logs serials, dates, stages and messages only, never keys or passwords.
/// </summary>
internal sealed class StderrRenewalLogger(TextWriter stderr, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var line = $"rolesanywhere: {time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} renewal: {formatter(state, exception)}";
        if (exception is not null)
        {
            line += ": " + LibraryTerms.ToFlags(exception.Message).ReplaceLineEndings(" ");
        }

        lock (stderr)
        {
            stderr.WriteLine(line);
            stderr.Flush();
        }
    }
}
