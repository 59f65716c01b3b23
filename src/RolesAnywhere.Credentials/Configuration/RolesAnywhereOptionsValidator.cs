using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// Checks <see cref="RolesAnywhereOptions"/> before anything is sent and reports <b>every</b> problem at
/// once, each message naming the setting and the fix: the CreateSession settings (ARNs, region, endpoint,
/// duration, session name, timeouts, as <see cref="SessionSettings"/> checks them), the partition of each
/// ARN against its region, that the files named can be read, and then the certificate and key themselves.
/// Registered with <c>ValidateOnStart</c>, so a misconfigured host fails at start, not at its first AWS call;
/// the identity loaded then is handed to the credentials through <see cref="ValidatedIdentityHandoff"/>.
/// </summary>
internal sealed class RolesAnywhereOptionsValidator : IValidateOptions<RolesAnywhereOptions>
{
    private readonly TimeProvider timeProvider;
    private readonly ValidatedIdentityHandoff? handoff;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="timeProvider">The clock the certificate's validity is checked against.</param>
    /// <param name="handoff">Where the identity loaded from valid default options is left for the credentials; <see langword="null"/> to dispose it.</param>
    public RolesAnywhereOptionsValidator(TimeProvider timeProvider, ValidatedIdentityHandoff? handoff = null)
    {
        this.timeProvider = timeProvider;
        this.handoff = handoff;
    }

    public ValidateOptionsResult Validate(string? name, RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options, timeProvider, out var prepared);
        if (prepared is not null)
        {
            // The credentials are made from the default (unnamed) options only, and only from valid ones.
            if (handoff is not null && failures.Count == 0 && (name ?? Options.DefaultName) == Options.DefaultName)
            {
                handoff.Offer(options, prepared);
            }
            else
            {
                prepared.Dispose();
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static List<string> Collect(RolesAnywhereOptions options, TimeProvider timeProvider)
    {
        var failures = Collect(options, timeProvider, out var prepared);
        prepared?.Dispose();
        return failures;
    }

    /// <summary>Every problem with <paramref name="options"/>, and the identity they describe when it could be loaded (the caller owns it).</summary>
    private static List<string> Collect(RolesAnywhereOptions options, TimeProvider timeProvider, out PreparedIdentity? prepared)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>(options.BindingFailures);
        SessionSettings.TryCreate(options, failures);
        prepared = CheckIdentity(failures, options, timeProvider);
        return failures;
    }

    private static PreparedIdentity? CheckIdentity(List<string> failures, RolesAnywhereOptions options, TimeProvider timeProvider)
    {
        var unreadable = failures.Count;
        CheckReadable(failures, nameof(RolesAnywhereOptions.CertificatePath), options.CertificatePath, options);
        CheckReadable(failures, nameof(RolesAnywhereOptions.PrivateKeyPath), options.PrivateKeyPath, options);
        CheckReadable(failures, nameof(RolesAnywhereOptions.IntermediatesPath), options.IntermediatesPath, options);
        if (failures.Count != unreadable)
        {
            return null;
        }

        // Every file can be read: load the certificate and key exactly as the credentials will (sources, formats,
        // password, validity, key pair), so content problems also surface at host start.
        try
        {
            return PreparedIdentity.Load(options, timeProvider);
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            failures.Add(ex.Message);
            return null;
        }
    }

    private static void CheckReadable(List<string> failures, string setting, string? path, RolesAnywhereOptions options)
    {
        // A reference (pkcs11:, handle:, or whatever a registered key source opens) is no file to read.
        if (string.IsNullOrWhiteSpace(path) || SigningKeySourceResolver.IsReference(path) || options.SigningKeySources.Any(s => s.CanOpen(path)))
        {
            return;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = exception switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "cannot be read (permission denied)",
                _ => "cannot be read (" + exception.Message + ")",
            };
            failures.Add($"{setting}: '{path}' {reason}; check the path (relative paths start at '{Environment.CurrentDirectory}') and that the account running this process may read the file.");
        }
    }

}
