using System.Globalization;
using RolesAnywhere.Credentials.Audit;

namespace RolesAnywhere.Credentials.Tool.Audit;

/// <summary>
/// One line on a terminal's stderr, rewritten in place at most twice a second: records read, rate, current document.
/// Only used when stderr is a terminal, so redirected output and cron mail stay clean.
/// </summary>
internal sealed class TerminalProgress : IProgress<AuditProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter _stderr;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _lastWrite;
    private bool _written;

    public TerminalProgress(TextWriter stderr, TimeProvider time)
    {
        _stderr = stderr;
        _time = time;
        _started = time.GetTimestamp();
        _lastWrite = _started;
    }

    public void Report(AuditProgress value)
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_lastWrite, now) < Interval)
        {
            return;
        }

        _lastWrite = now;
        var seconds = Math.Max(_time.GetElapsedTime(_started, now).TotalSeconds, 0.001);
        var current = value.Current.Length > 60 ? "…" + value.Current[^59..] : value.Current;
        _stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r\u001b[K{value.Records:N0} records, {value.Records / seconds:N0}/s, {value.Documents} document(s): {current}"));
        _stderr.Flush();
        _written = true;
    }

    /// <summary>Clears the line before the report is printed.</summary>
    public void Clear()
    {
        if (_written)
        {
            _stderr.Write("\r\u001b[K");
            _stderr.Flush();
        }
    }
}
