using System.Globalization;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Renewal;

/// <summary>
/// The validated renewal flags of <c>renew</c>, and of <c>serve</c> and <c>update</c> when they renew in process: the
/// files, exactly one issuer (<c>--issuer-command</c> or <c>--cfssl-url</c>), when to renew, the new key's kind, the
/// trust anchor certificate, and the session flags that prove the new pair with one CreateSession (optional for
/// <c>renew</c>; <c>serve</c> and <c>update</c> always have them). Every problem is reported at once, as a wrong
/// command line (exit 2).
/// </summary>
internal sealed class RenewArguments : IDisposable
{
    /// <summary>The values of <c>--key-algorithm</c>, as help lists them.</summary>
    internal static readonly Dictionary<string, RenewalKeyAlgorithm> KeyAlgorithms = new(StringComparer.Ordinal)
    {
        ["same"] = RenewalKeyAlgorithm.Same,
        ["ec-p256"] = RenewalKeyAlgorithm.EcP256,
        ["ec-p384"] = RenewalKeyAlgorithm.EcP384,
        ["rsa-2048"] = RenewalKeyAlgorithm.Rsa2048,
        ["rsa-3072"] = RenewalKeyAlgorithm.Rsa3072,
        ["rsa-4096"] = RenewalKeyAlgorithm.Rsa4096,
    };

    /// <summary>The flags that turn on the session check; the three ARNs are then required.</summary>
    private static readonly string[] SessionOnlyFlags = [Flags.TrustAnchorArn, Flags.ProfileArn, Flags.RoleArn, Flags.Region, Flags.Endpoint, Flags.SessionDuration, Flags.RoleSessionName, Flags.WithProxy, Flags.NoVerifySsl];

    private RenewArguments(CertificateRenewalOptions options, bool force, Func<SigningIdentity, CancellationToken, Task>? sessionProof)
    {
        Options = options;
        Force = force;
        SessionProof = sessionProof;
    }

    /// <summary>Gets the renewer's settings, issuer included.</summary>
    public CertificateRenewalOptions Options { get; }

    /// <summary>Gets whether to renew now, due or not (<c>--force</c>).</summary>
    public bool Force { get; }

    /// <summary>Gets the CreateSession that proves the new pair before the swap, or <see langword="null"/> when no session flag was given.</summary>
    public Func<SigningIdentity, CancellationToken, Task>? SessionProof { get; }

    /// <summary>The issuer flags: any of them asks <c>serve</c> or <c>update</c> to renew in process.</summary>
    private static readonly string[] IssuerFlags = [Flags.IssuerCommand, Flags.CfsslUrl, Flags.CfsslProfile, Flags.CfsslAuthKeyFile, Flags.RenewAt, Flags.KeyAlgorithm, Flags.TrustAnchorCertificate, Flags.AcceptIssuerChange, Flags.AcceptIdentityChange];

    /// <summary>Reads the flags of <c>renew</c>.</summary>
    /// <exception cref="UsageException">The command line is wrong; the message lists every problem.</exception>
    public static RenewArguments From(ParsedCommandLine parsed) => Read(parsed, inProcess: false);

    /// <summary>Reads the renewal flags of <c>serve</c> or <c>update</c>; <see langword="null"/> when none is given (no renewal).</summary>
    /// <exception cref="UsageException">The command line is wrong; the message lists every problem.</exception>
    public static RenewArguments? InProcess(ParsedCommandLine parsed) => IssuerFlags.Any(parsed.Has) ? Read(parsed, inProcess: true) : null;

    private static RenewArguments Read(ParsedCommandLine parsed, bool inProcess)
    {
        var command = parsed.Command.Name;
        var errors = new List<string>();
        foreach (var required in (ReadOnlySpan<string>)[Flags.Certificate, Flags.PrivateKey])
        {
            if (string.IsNullOrWhiteSpace(parsed.Get(required)))
            {
                errors.Add(inProcess
                    ? $"--{required} is required to renew in process: the file to renew in place (a certificate store or a token cannot be renewed)."
                    : $"--{required} is required: the file to renew in place.");
            }
        }

        var key = parsed.Get(Flags.PrivateKey);
        if (KeySourceFlags.IsPkcs11(key) || KeySourceFlags.IsTpmHandle(key) || KeySourceFlags.IsPkcs11(parsed.Get(Flags.Certificate)))
        {
            errors.Add($"--{Flags.PrivateKey} '{key}' names a key in a PKCS#11 token or a TPM: renew makes software keys only and never replaces a hardware key with a file. Generate the new key on the device with its own tools and install the certificate the CA issues for it.");
        }

        var force = parsed.IsSet(Flags.Force);
        var renewAt = CertificateRenewalOptions.DefaultRenewAt;
        if (parsed.Get(Flags.RenewAt) is { } renewAtText)
        {
            if (force)
            {
                errors.Add($"--{Flags.RenewAt} and --{Flags.Force} cannot be combined: --{Flags.Force} renews now, whatever the fraction.");
            }
            else if (!double.TryParse(renewAtText, NumberStyles.Float, CultureInfo.InvariantCulture, out renewAt) || !(renewAt > 0 && renewAt < 1))
            {
                errors.Add($"--{Flags.RenewAt} must be a fraction of the lifetime between 0 and 1 (exclusive), such as 0.67; got '{renewAtText}'.");
            }
        }

        var algorithm = RenewalKeyAlgorithm.Same;
        if (parsed.Get(Flags.KeyAlgorithm) is { } algorithmText && !KeyAlgorithms.TryGetValue(algorithmText, out algorithm))
        {
            errors.Add($"--{Flags.KeyAlgorithm} '{algorithmText}' is not one of {string.Join(", ", KeyAlgorithms.Keys)}.");
        }

        var session = Session(parsed, inProcess, errors);
        var issuer = Issuer(parsed, errors);
        if (errors.Count > 0)
        {
            (issuer as IDisposable)?.Dispose();
            throw new UsageException(string.Join('\n', errors), $"Run 'rolesanywhere {command} --help' for the flags.");
        }

        var options = new CertificateRenewalOptions
        {
            CertificatePath = parsed.Get(Flags.Certificate),
            PrivateKeyPath = key,
            IntermediatesPath = parsed.Get(Flags.Intermediates),
            PrivateKeyPassword = parsed.Get(Flags.Pkcs8Password),
            Issuer = issuer,
            RenewAt = renewAt,
            KeyAlgorithm = algorithm,
            TrustAnchorCertificatePath = parsed.Get(Flags.TrustAnchorCertificate),
            AcceptIssuerChange = parsed.IsSet(Flags.AcceptIssuerChange),
            AcceptIdentityChanges = parsed.IsSet(Flags.AcceptIdentityChange),
        };
        return new RenewArguments(options, force, session);
    }

    /// <summary>Makes the renewer these arguments describe, with the session proof when a session flag was given.</summary>
    /// <param name="command">The command the flags were given to, named in the message of a wrong setting.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where the renewer logs, or <see langword="null"/>.</param>
    /// <exception cref="UsageException">The renewer refused a setting; the message names the flags.</exception>
    public CertificateRenewer CreateRenewer(string command, TimeProvider time, Microsoft.Extensions.Logging.ILogger? logger)
    {
        try
        {
            return new CertificateRenewer(Options, time, logger) { SessionProof = SessionProof };
        }
        catch (CertificateRenewalException e)
        {
            throw new UsageException(LibraryTerms.ToFlags(e.Message), $"Run 'rolesanywhere {command} --help' for the flags.");
        }
    }

    public void Dispose() => (Options.Issuer as IDisposable)?.Dispose();

    private static ICertificateIssuer? Issuer(ParsedCommandLine parsed, List<string> errors)
    {
        var command = parsed.Get(Flags.IssuerCommand);
        var url = parsed.Get(Flags.CfsslUrl);
        if ((command is null) == (url is null))
        {
            errors.Add(command is null
                ? $"An issuer is required: --{Flags.IssuerCommand} 'CMD ARGS...' (the CSR on its standard input, the certificate PEM on its standard output) or --{Flags.CfsslUrl} URL (a CFSSL server)."
                : $"--{Flags.IssuerCommand} and --{Flags.CfsslUrl} cannot be combined: give one issuer.");
            return null;
        }

        if (command is not null)
        {
            if (parsed.Has(Flags.CfsslProfile) || parsed.Has(Flags.CfsslAuthKeyFile))
            {
                errors.Add($"--{Flags.CfsslProfile} and --{Flags.CfsslAuthKeyFile} only apply with --{Flags.CfsslUrl}.");
            }

            try
            {
                return CommandCertificateIssuer.Parse(command);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"--{Flags.IssuerCommand} '{command}' cannot be split into a program and its arguments: {ex.Message.Split(" (Parameter", 2)[0]}");
                return null;
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add($"--{Flags.CfsslUrl} '{url}' is not an http(s) URL such as http://ca.internal:8888.");
            return null;
        }

        var authKey = parsed.Get(Flags.CfsslAuthKeyFile) is { } file ? ReadAuthKey(file, errors) : null;
        try
        {
            return new CfsslCertificateIssuer(uri, parsed.Get(Flags.CfsslProfile), authKey);
        }
        catch (ArgumentException)
        {
            // The key itself is never repeated.
            errors.Add($"--{Flags.CfsslAuthKeyFile} '{parsed.Get(Flags.CfsslAuthKeyFile)}' does not hold a hexadecimal key, as in the server's auth_keys (for example the output of 'openssl rand -hex 16').");
            return null;
        }
    }

    private static string? ReadAuthKey(string file, List<string> errors)
    {
        if (Interop.UnixFile.DescribeIfNotRegular(file) is { } kind)
        {
            errors.Add($"--{Flags.CfsslAuthKeyFile} '{file}' is {kind}, not a regular file, and is not read (it could block or never end).");
            return null;
        }

        if (!OperatingSystem.IsWindows() && File.Exists(file) && (File.GetUnixFileMode(file) & UnixFileMode.OtherRead) != 0)
        {
            errors.Add($"--{Flags.CfsslAuthKeyFile} '{file}' is readable by all users (mode {RolesAnywhere.Credentials.IO.OwnerOnlyFile.Octal(File.GetUnixFileMode(file))}), so the CFSSL auth key is exposed: anyone on this machine could have certificates signed. Make it owner-only (chmod 600 '{file}') and consider changing the key.");
            return null;
        }

        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"--{Flags.CfsslAuthKeyFile} '{file}' cannot be read: {e.Message}");
            return null;
        }
    }

    private static Func<SigningIdentity, CancellationToken, Task>? Session(ParsedCommandLine parsed, bool inProcess, List<string> errors)
    {
        if (!inProcess && !SessionOnlyFlags.Any(parsed.Has))
        {
            return null;
        }

        try
        {
            return SessionCheck.For(LibraryCredentialSource.ToOptions(SessionArguments.From(parsed), pinPrompt: null), TimeProvider.System);
        }
        catch (UsageException e)
        {
            errors.Add(e.Message);
        }
        catch (RolesAnywhereConfigurationException e)
        {
            errors.Add(LibraryTerms.Describe(e));
        }

        return null;
    }
}
