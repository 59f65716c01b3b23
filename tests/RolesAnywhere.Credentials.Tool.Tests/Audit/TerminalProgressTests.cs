using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Audit;
using RolesAnywhere.Credentials.Tool.Audit;

namespace RolesAnywhere.Credentials.Tool.Tests.Audit;

/// <summary>The progress line of a long <c>audit</c> on a terminal: at most twice a second, rewritten in place, cleared before the report.</summary>
public sealed class TerminalProgressTests
{
    [Fact]
    public void Report_OnAClock_OneLineEveryHalfSecondRewrittenInPlaceThenCleared()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        using var stderr = new StringWriter();
        var progress = new TerminalProgress(stderr, clock);

        progress.Report(new AuditProgress(1, 16_384, "trail-a.json.gz"));
        Assert.Equal(string.Empty, stderr.ToString());

        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Report(new AuditProgress(1, 250_000, "s3://trail-bucket/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/20/111122223333_CloudTrail_eu-west-1_20261120T0800Z_x.json.gz"));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Report(new AuditProgress(1, 260_000, "ignored: within half a second"));

        var line = stderr.ToString();
        Assert.Equal("\r\u001b[K250,000 records, 125,000/s, 1 document(s): …/111122223333_CloudTrail_eu-west-1_20261120T0800Z_x.json.gz", line);
        Assert.DoesNotContain('\n', line);

        progress.Clear();
        Assert.EndsWith("\r\u001b[K", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_NothingWritten_WritesNothing()
    {
        using var stderr = new StringWriter();
        new TerminalProgress(stderr, new FakeTimeProvider()).Clear();
        Assert.Equal(string.Empty, stderr.ToString());
    }
}
