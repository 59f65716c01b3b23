using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// Where the certificate, the key and the intermediates come from, after the "exactly one source"
/// rules have been checked. Built from <see cref="RolesAnywhereOptions"/> or from the public factories.
/// </summary>
internal sealed class IdentitySpec
{
    private const string PasswordSetting = nameof(RolesAnywhereOptions.PrivateKeyPassword);

    public MaterialInput? Certificate { get; init; }

    public X509Certificate2? CertificateObject { get; init; }

    public MaterialInput? Key { get; init; }

    /// <summary>Gets a key the caller owns (never disposed here).</summary>
    public ISigningKey? ExternalKey { get; init; }

    /// <summary>Gets a key opened from a store, token or TPM for this identity (owned), with the certificate found next to it.</summary>
    public OpenedSigningKey? OpenedKey { get; init; }

    public MaterialInput? Intermediates { get; init; }

    public X509Certificate2Collection? IntermediateObjects { get; init; }

    public string? Password { get; init; }

    /// <summary>Reads the sources from options; every conflict or omission is reported in one exception.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">No certificate, or more than one source for the same thing.</exception>
    public static IdentitySpec FromOptions(RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var certificateSettings = SetNames(
            (nameof(options.CertificatePath), Has(options.CertificatePath)),
            (nameof(options.CertificateData), Has(options.CertificateData)),
            (nameof(options.Certificate), options.Certificate is not null));
        var keySettings = SetNames(
            (nameof(options.PrivateKeyPath), Has(options.PrivateKeyPath)),
            (nameof(options.PrivateKeyData), Has(options.PrivateKeyData)),
            (nameof(options.SigningKey), options.SigningKey is not null));
        var intermediateSettings = SetNames(
            (nameof(options.IntermediatesPath), Has(options.IntermediatesPath)),
            (nameof(options.IntermediatesData), Has(options.IntermediatesData)),
            (nameof(options.Intermediates), options.Intermediates is not null));

        if (certificateSettings.Count == 0)
        {
            problems.Add("No certificate is configured: set CertificatePath (a PEM, DER or PKCS#12 file), CertificateData (inline PEM or base64) or Certificate.");
        }

        AddConflict(problems, "certificate", certificateSettings);
        AddConflict(problems, "private key", keySettings);
        AddConflict(problems, "intermediate certificates", intermediateSettings);
        if (problems.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(string.Join(" ", problems));
        }

        return new IdentitySpec
        {
            Certificate = Input(nameof(options.CertificatePath), options.CertificatePath, nameof(options.CertificateData), options.CertificateData),
            CertificateObject = options.Certificate,
            Key = Input(nameof(options.PrivateKeyPath), options.PrivateKeyPath, nameof(options.PrivateKeyData), options.PrivateKeyData),
            ExternalKey = options.SigningKey,
            Intermediates = Input(nameof(options.IntermediatesPath), options.IntermediatesPath, nameof(options.IntermediatesData), options.IntermediatesData),
            IntermediateObjects = options.Intermediates,
            Password = string.IsNullOrEmpty(options.PrivateKeyPassword) ? null : options.PrivateKeyPassword,
        };
    }

    /// <summary>A file input when the path is set, else an inline input when the data is set, else none.</summary>
    internal static MaterialInput? Input(string pathSetting, string? path, string dataSetting, string? data, string passwordSetting = PasswordSetting)
    {
        if (Has(path))
        {
            return MaterialInput.File(pathSetting, path!.Trim(), passwordSetting);
        }

        return Has(data) ? MaterialInput.Text(dataSetting, data!, passwordSetting) : null;
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);

    private static List<string> SetNames(params (string Name, bool IsSet)[] settings) =>
        settings.Where(s => s.IsSet).Select(s => s.Name).ToList();

    private static void AddConflict(List<string> problems, string what, List<string> setNames)
    {
        if (setNames.Count > 1)
        {
            problems.Add($"The {what} is configured more than once ({string.Join(", ", setNames)}): set exactly one of them.");
        }
    }
}
