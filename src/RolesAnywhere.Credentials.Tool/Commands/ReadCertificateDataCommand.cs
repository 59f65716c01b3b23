using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary><c>read-certificate-data</c>: a JSON description of the certificate, from a file, a PKCS#11 token or the OS certificate store.</summary>
internal static class ReadCertificateDataCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        CombinationRules.Check(parsed, errors);
        if (!parsed.Has(Flags.Certificate) && !KeySourceFlags.UsesStore(parsed))
        {
            errors.Add($"--{Flags.Certificate} (a file or pkcs11: URI) or --{Flags.CertSelector} (the OS certificate store) is required.");
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join('\n', errors), "Example: rolesanywhere read-certificate-data --certificate client.pem");
        }

        using var certificate = SelectedCertificate.Load(parsed, environment.Time);
        var description = Describe(certificate);
        await environment.Stdout.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(description, ToolJsonContext.Output.CertificateDescription), cancellationToken).ConfigureAwait(false);
        await environment.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }

    /// <summary>The serial as the official helper prints it (unsigned decimal), from the one serial home; a negative encoding is refused as credential-process refuses it.</summary>
    private static string Serial(X509Certificate2 certificate) =>
        CertificateSerialNumber.IsEncodedNegative(certificate)
            ? throw new RolesAnywhereConfigurationException(
                $"The certificate '{certificate.Subject}' has the serial number {Convert.ToHexString(certificate.SerialNumberBytes.Span)} encoded as a negative integer, which RFC 5280 forbids; IAM Roles Anywhere would read another number than the one printed. Have the CA issue a new certificate with a positive serial.")
            : CertificateSerialNumber.FromCertificate(certificate).ToDecimalString();

    internal static CertificateDescription Describe(X509Certificate2 certificate)
    {
        var (keyType, algorithms) = certificate.GetKeyAlgorithm() switch
        {
            "1.2.840.113549.1.1.1" => ("RSA", new[] { "SHA256WITHRSA", "SHA384WITHRSA", "SHA512WITHRSA" }),
            "1.2.840.10045.2.1" => ("EC", new[] { "SHA256WITHECDSA", "SHA384WITHECDSA", "SHA512WITHECDSA" }),
            // As the official helper 1.8 reports them: the parameter set is both the key type and the one algorithm.
            var oid when MLDsaParameterSet.FromOid(oid) is { } mldsa => (mldsa.Name, new[] { mldsa.Name }),
            var other => (other, Array.Empty<string>()),
        };
        return new CertificateDescription
        {
            KeyType = keyType,
            CertificateData = Convert.ToBase64String(certificate.RawData),
            SerialNumber = Serial(certificate),
            SupportedAlgorithms = algorithms,
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            NotBefore = IsoTime.Write(certificate.NotBefore.ToUniversalTime()),
            NotAfter = IsoTime.Write(certificate.NotAfter.ToUniversalTime()),
            ThumbprintSha256 = Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256)),
        };
    }
}
