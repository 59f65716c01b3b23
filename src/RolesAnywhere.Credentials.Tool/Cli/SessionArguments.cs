using System.IO.Hashing;
using System.Text;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>The validated flags of the commands that call CreateSession (credential-process, serve, update).</summary>
internal sealed class SessionArguments
{
    public const int DefaultSessionDurationSeconds = 3600;
    public const int MinSessionDurationSeconds = 900;
    public const int MaxSessionDurationSeconds = 43200;

    private static readonly string[] SecretFlags = [Flags.Pkcs8Password, Flags.TpmKeyPassword];

    private SessionArguments(ParsedCommandLine parsed, int sessionDurationSeconds, Uri? endpoint)
    {
        Parsed = parsed;
        SessionDurationSeconds = sessionDurationSeconds;
        Endpoint = endpoint;
    }

    public ParsedCommandLine Parsed { get; }

    public string TrustAnchorArn => Parsed.Get(Flags.TrustAnchorArn)!;

    public string ProfileArn => Parsed.Get(Flags.ProfileArn)!;

    public string RoleArn => Parsed.Get(Flags.RoleArn)!;

    public int SessionDurationSeconds { get; }

    public string? Region => Parsed.Get(Flags.Region);

    public Uri? Endpoint { get; }

    public string? RoleSessionName => Parsed.Get(Flags.RoleSessionName);

    public bool NoVerifySsl => Parsed.IsSet(Flags.NoVerifySsl);

    public bool WithProxy => Parsed.IsSet(Flags.WithProxy);

    public bool Debug => Parsed.IsSet(Flags.Debug);

    /// <summary>The role name served by IMDS: the last path segment of the role ARN.</summary>
    public string RoleName
    {
        get
        {
            var arn = RoleArn;
            var slash = arn.LastIndexOf('/');
            return slash >= 0 ? arn[(slash + 1)..] : arn;
        }
    }

    /// <summary>Validates <paramref name="parsed"/>, reporting every problem at once.</summary>
    public static SessionArguments From(ParsedCommandLine parsed)
    {
        var errors = new List<string>();
        // The flags help marks as required (the three ARNs).
        foreach (var required in parsed.Command.Flags.Values.Where(f => f.Required))
        {
            if (string.IsNullOrWhiteSpace(parsed.Get(required.Name)))
            {
                errors.Add($"--{required.Name} is required.");
            }
        }

        if (!parsed.Has(Flags.Certificate) && !KeySourceFlags.IsPkcs11(parsed.Get(Flags.PrivateKey)) && !KeySourceFlags.UsesStore(parsed))
        {
            errors.Add($"--{Flags.Certificate} (a file or pkcs11: URI) or --{Flags.CertSelector} (the OS certificate store) is required.");
        }

        CombinationRules.Check(parsed, errors);

        var duration = DefaultSessionDurationSeconds;
        try
        {
            duration = parsed.GetInt32(Flags.SessionDuration, DefaultSessionDurationSeconds, MinSessionDurationSeconds, MaxSessionDurationSeconds);
        }
        catch (UsageException e)
        {
            errors.Add(e.Message);
        }

        Uri? endpoint = null;
        if (parsed.Get(Flags.Endpoint) is { } endpointText)
        {
            var withScheme = endpointText.Contains("://", StringComparison.Ordinal) ? endpointText : "https://" + endpointText;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"--{Flags.Endpoint} '{endpointText}' is not an http(s) URL.");
            }
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join('\n', errors), $"Run 'rolesanywhere {parsed.Command.Name} --help' for the flags.");
        }

        return new SessionArguments(parsed, duration, endpoint);
    }

    /// <summary>
    /// A stable key for the credential cache: a 128-bit XxHash over the flags that decide which session is
    /// obtained, in a fixed order. Secrets (key passwords, a PIN in a URI) and flags that do not change
    /// the session (<c>--debug</c>, <c>--no-cache</c>) are left out. The hash only tells argument sets apart
    /// in a directory only the user can write, so it need not be cryptographic, and a warm call then never
    /// loads OpenSSL (about a third of its run time).
    /// </summary>
    public string CacheKey()
    {
        var text = new StringBuilder("rolesanywhere-cache-v2");
        foreach (var (name, value) in Parsed.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (name is Flags.Debug or Flags.NoCache || Array.IndexOf(SecretFlags, name) >= 0)
            {
                continue;
            }

            text.Append('\0').Append(name).Append('=').Append(WithoutPin(value));
        }

        text.Append("\0duration=").Append(SessionDurationSeconds);
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string WithoutPin(string value)
    {
        var pin = value.StartsWith("pkcs11:", StringComparison.OrdinalIgnoreCase) ? value.IndexOf("pin-value=", StringComparison.OrdinalIgnoreCase) : -1;
        if (pin < 0)
        {
            return value;
        }

        var end = value.IndexOf('&', pin);
        return (value[..pin] + (end < 0 ? string.Empty : value[(end + 1)..])).TrimEnd('?', '&');
    }
}
