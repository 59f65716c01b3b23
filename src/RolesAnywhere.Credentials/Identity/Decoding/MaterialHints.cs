namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// The second half of "holds no certificate / no private key" messages: what the source held
/// instead, and the fix.
/// </summary>
internal static class MaterialHints
{
    public static string ForMissingCertificate(DecodedMaterial material)
    {
        if (material.Keys.Count > 0)
        {
            return ", only a private key: point the certificate setting at the certificate file, and the key setting (PrivateKeyPath) at this one";
        }

        return Skipped(material) ?? ": expected a PEM 'CERTIFICATE' block, a DER certificate or a PKCS#12 file";
    }

    public static string ForMissingKey(DecodedMaterial material)
    {
        if (material.Certificates.Count > 0)
        {
            return ", only a certificate: point the key setting at the private key file the certificate was issued for";
        }

        return Skipped(material) ?? ": expected a PEM 'PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY' block, or a DER key";
    }

    private static string? Skipped(DecodedMaterial material)
    {
        foreach (var label in material.SkippedLabels)
        {
            var hint = label switch
            {
                "PUBLIC KEY" or "RSA PUBLIC KEY" => "a public key; the private key is needed",
                "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST" => "a certificate signing request; use the certificate the CA issued from it",
                "OPENSSH PRIVATE KEY" => "an OpenSSH key; convert it with `ssh-keygen -p -m PKCS8 -f <file>`",
                "PKCS7" => "a PKCS#7 bundle; convert it with `openssl pkcs7 -print_certs -in <file>`",
                _ => null,
            };
            if (hint is not null)
            {
                return $": it holds {hint}";
            }
        }

        return material.SkippedLabels.Count > 0
            ? $": it holds only PEM blocks labelled {string.Join(", ", material.SkippedLabels.Distinct().Select(l => $"'{l}'"))}"
            : null;
    }
}
