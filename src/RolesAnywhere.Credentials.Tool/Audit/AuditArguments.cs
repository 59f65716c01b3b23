using System.Globalization;
using RolesAnywhere.Credentials.Audit;
using RolesAnywhere.Credentials.Audit.Output;
using RolesAnywhere.Credentials.Audit.Rules;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Audit;

/// <summary>The validated flags of <c>audit</c>: every problem is reported at once, each naming its flag.</summary>
internal sealed class AuditArguments
{
    private AuditArguments(AuditOptions options, ReportFormat format, Severity failOn, bool timeline)
    {
        Options = options;
        Format = format;
        FailOn = failOn;
        Timeline = timeline;
    }

    /// <summary>Whether to print the per-certificate timeline (<c>--timeline</c>) instead of the findings.</summary>
    public bool Timeline { get; }

    public AuditOptions Options { get; }

    public ReportFormat Format { get; }

    public Severity FailOn { get; }

    /// <summary>The largest settings file read (a CRL of a million entries is about 40 MiB).</summary>
    internal const int MaxSettingsFileBytes = 64 * 1024 * 1024;

    /// <exception cref="UsageException">The command line is wrong, or a settings file (serials, CRL) cannot be used.</exception>
    public static AuditArguments From(ParsedCommandLine parsed, TimeProvider time)
    {
        var errors = new List<string>();
        if (parsed.Operands.Count == 0)
        {
            errors.Add("no INPUT given: name CloudTrail log files or directories, '-' for standard input, or s3://bucket/prefix.");
        }

        var now = time.GetUtcNow();
        var since = Try(errors, () => ParseTime(parsed, Flags.Since, now));
        var until = Try(errors, () => ParseTime(parsed, Flags.Until, now));
        if (since is not null && until is not null && since >= until)
        {
            errors.Add($"--{Flags.Since} must be before --{Flags.Until}.");
        }

        var format = parsed.Get(Flags.Format) switch
        {
            null or "text" => ReportFormat.Text,
            "json" => ReportFormat.Json,
            "sarif" => ReportFormat.Sarif,
            var other => Error(errors, $"--{Flags.Format} '{other}' is not text, json or sarif.", ReportFormat.Text),
        };
        var failOn = Severity.Medium;
        if (parsed.Get(Flags.FailOn) is { } failOnText && !SeverityNames.TryParse(failOnText, out failOn))
        {
            errors.Add($"--{Flags.FailOn} '{failOnText}' is not low, medium or high.");
            failOn = Severity.Medium;
        }

        var hours = parsed.Get(Flags.BusinessHours);
        var zone = parsed.Get(Flags.TimeZone);
        if ((hours is null) != (zone is null))
        {
            errors.Add($"--{Flags.BusinessHours} and --{Flags.TimeZone} go together (for example --business-hours 08:00-18:00 --time-zone Europe/Berlin).");
        }

        Uri? endpoint = null;
        if (parsed.Get(Flags.Endpoint) is { } endpointText &&
            (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"--{Flags.Endpoint} '{endpointText}' is not an http(s) URL of an S3 endpoint.");
        }

        var options = new AuditOptions
        {
            Inputs = parsed.Operands,
            Since = since,
            Until = until,
            AllowedNetworks = parsed.Get(Flags.AllowedCidrs) is { } cidrs ? Try(errors, () => AllowedNetworks.Parse(cidrs)) : null,
            KnownSerials = parsed.Get(Flags.KnownSerials) is { } serials ? Try(errors, () => KnownSerials.Parse(ReadText(serials, Flags.KnownSerials), serials)) : null,
            Revocations = parsed.GetAll(Flags.Crl).Count > 0 ? Try(errors, () => ReadCrls(parsed.GetAll(Flags.Crl))) : null,
            BusinessHours = hours is not null && zone is not null ? Try(errors, () => BusinessHours.Parse(hours, zone)) : null,
            FailureBurst = parsed.Get(Flags.FailureBurst) is { } burst ? Try(errors, () => (FailureBurst?)FailureBurst.Parse(burst)) ?? FailureBurst.Default : FailureBurst.Default,
            AllowPartial = parsed.IsSet(Flags.AllowPartial),
            S3Region = parsed.Get(Flags.Region),
            S3Endpoint = endpoint,
        };

        var timeline = parsed.IsSet(Flags.Timeline);
        if (timeline && format == ReportFormat.Sarif)
        {
            errors.Add($"--{Flags.Timeline} prints text or JSON lines, not SARIF; use --format text or json.");
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join('\n', errors), "Run 'rolesanywhere audit --help' for the flags; docs/detection.md explains each rule.");
        }

        return new AuditArguments(options, format, failOn, timeline);
    }

    /// <summary>ISO 8601 (a date, or a time with or without offset; no offset means UTC), or an age such as <c>90m</c>, <c>24h</c>, <c>7d</c>.</summary>
    internal static DateTimeOffset? ParseTime(ParsedCommandLine parsed, string flag, DateTimeOffset now)
    {
        if (parsed.Get(flag) is not { } text)
        {
            return null;
        }

        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? age = text[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (age is { } known)
            {
                return now - known;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new AuditInputException($"--{flag} '{text}' is not a time: write 2026-11-20, 2026-11-20T08:00:00Z, 2026-11-20T09:00:00+01:00, or an age such as 90m, 24h, 7d.");
    }

    private static RevocationList ReadCrls(IReadOnlyList<string> paths)
    {
        var list = new RevocationList();
        foreach (var path in paths)
        {
            list.Add(ReadSettingsFile(path, Flags.Crl), path);
        }

        return list;
    }

    private static string ReadText(string path, string flag) => System.Text.Encoding.UTF8.GetString(ReadSettingsFile(path, flag));

    /// <summary>
    /// Reads a settings file (<c>--crl</c>, <c>--known-serials</c>): a regular file of at most
    /// <see cref="MaxSettingsFileBytes"/>. A device, FIFO or socket is refused before it is opened (<c>/dev/zero</c>
    /// never ends, a FIFO can block for ever), and reading stops one byte past the cap, so nothing named on the
    /// command line can make the audit exhaust memory before it starts.
    /// </summary>
    private static byte[] ReadSettingsFile(string path, string flag)
    {
        if (Interop.UnixFile.DescribeIfNotRegular(path) is { } kind)
        {
            throw new AuditInputException($"--{flag} {path}: it is {kind}, not a regular file, and is not read (it could block or never end); name a regular file.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var content = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                if (content.Length + read > MaxSettingsFileBytes)
                {
                    throw new AuditInputException($"--{flag} {path}: larger than {MaxSettingsFileBytes / (1024 * 1024)} MiB, which no serial list or CRL needs; check the file name (is it a device or a log?).");
                }

                content.Write(buffer, 0, read);
            }

            return content.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException($"--{flag} {path}: {e.Message}", e);
        }
    }

    private static T? Try<T>(List<string> errors, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (AuditInputException e)
        {
            errors.Add(e.Message);
            return default;
        }
    }

    private static T Error<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }
}
