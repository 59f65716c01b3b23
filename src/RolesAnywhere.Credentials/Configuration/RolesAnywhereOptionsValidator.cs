using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// The one check of <see cref="RolesAnywhereOptions"/>, shared by the constructor of
/// <see cref="RolesAnywhereAWSCredentials"/>, dependency injection (<c>ValidateOnStart</c>) and shared config
/// profiles. It reports <b>every</b> problem at once, each naming the setting and the fix: values that could not be
/// bound, the CreateSession settings (ARNs and their partition, region, endpoint, duration, session name, timeouts,
/// as <see cref="SessionSettings"/> checks them), the certificate and key sources (exactly one of each), and that the
/// files named can be read. It is pure: it opens no key (no token login, PIN prompt or TPM open) and decodes no
/// file, so resolving options (an <c>IOptionsSnapshot</c> per request scope) costs a few file checks. The credentials
/// open the key once, when they are made; a host makes them at start, so content problems fail the host there too.
/// </summary>
internal sealed class RolesAnywhereOptionsValidator : IValidateOptions<RolesAnywhereOptions>
{
    public ValidateOptionsResult Validate(string? name, RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<SettingProblem>();
        Check(options, failures, out _);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => f.ToString()));
    }

    /// <summary>Adds every problem with <paramref name="options"/> to <paramref name="failures"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="failures">Where each problem is added, with the setting it is about.</param>
    /// <param name="identityLoadable">Whether the certificate and key sources are consistent and their files readable, so that loading them can tell more.</param>
    /// <returns>The checked CreateSession settings, or <see langword="null"/> when they have a problem.</returns>
    public static SessionSettings? Check(RolesAnywhereOptions options, List<SettingProblem> failures, out bool identityLoadable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        // A binding failure names the configuration key with its section path (RolesAnywhere:SessionDuration), so it stays whole.
        failures.AddRange(options.BindingFailures.Select(f => new SettingProblem(null, f)));
        var settings = SessionSettings.TryCreate(options, failures);
        identityLoadable = CheckSources(failures, options);
        return settings;
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static List<SettingProblem> Collect(RolesAnywhereOptions options)
    {
        var failures = new List<SettingProblem>();
        Check(options, failures, out _);
        return failures;
    }

    private static bool CheckSources(List<SettingProblem> failures, RolesAnywhereOptions options)
    {
        var start = failures.Count;
        try
        {
            // Which sources are set, and whether they conflict; a key named by reference is found, not opened.
            if (!SigningKeySourceResolver.NamesKeyByReference(options))
            {
                _ = IdentitySpec.FromOptions(options);
            }
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            failures.AddRange(ex.Problems);
        }

        CheckReadable(failures, nameof(RolesAnywhereOptions.CertificatePath), options.CertificatePath, options);
        CheckReadable(failures, nameof(RolesAnywhereOptions.PrivateKeyPath), options.PrivateKeyPath, options);
        CheckReadable(failures, nameof(RolesAnywhereOptions.IntermediatesPath), options.IntermediatesPath, options);
        return failures.Count == start;
    }

    private static void CheckReadable(List<SettingProblem> failures, string setting, string? path, RolesAnywhereOptions options)
    {
        // A reference (pkcs11:, handle:, or whatever a registered key source opens) is no file to read.
        if (string.IsNullOrWhiteSpace(path) || SigningKeySourceResolver.IsReference(options, path))
        {
            return;
        }

        if (Interop.UnixFile.DescribeIfNotRegular(path) is { } kind && !Directory.Exists(path))
        {
            failures.Add(new SettingProblem(setting, $"'{path}' is {kind}, not a regular file, and is not read (it could block or never end); name the file itself."));
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
            failures.Add(new SettingProblem(setting, $"'{path}' {reason}; check the path (relative paths start at '{Environment.CurrentDirectory}') and that the account running this process may read the file."));
        }
    }
}
