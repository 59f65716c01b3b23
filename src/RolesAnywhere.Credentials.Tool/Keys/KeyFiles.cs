using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.Tool.Cli;

using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// Key and certificate files for <c>sign-string</c> and <c>read-certificate-data</c>, read with the
/// library's decoders: every format the library takes (PEM, DER, PKCS#1/SEC1/PKCS#8, encrypted PKCS#8,
/// PKCS#12, combined PEM), with its error messages naming the flag.
/// </summary>
internal static class KeyFiles
{
    public static AsymmetricAlgorithm LoadKey(string path, string? password)
    {
        using var material = MaterialInput.File("--" + Flags.PrivateKey, path, "--" + Flags.Pkcs8Password).Decode(password);
        return material.TakeKey()
            ?? throw new RolesAnywhereConfigurationException($"The file '{path}' (--{Flags.PrivateKey}) holds no private key{MaterialHints.ForMissingKey(material)}.");
    }

    /// <summary>The first certificate of the file; <paramref name="password"/> opens a password-protected PKCS#12 file.</summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        using var material = MaterialInput.File("--" + Flags.Certificate, path, "--" + Flags.Pkcs8Password).Decode(password);
        var certificates = material.TakeCertificates();
        if (certificates.Count == 0)
        {
            throw new RolesAnywhereConfigurationException($"The file '{path}' (--{Flags.Certificate}) holds no certificate{MaterialHints.ForMissingCertificate(material)}.");
        }

        // The workload's certificate, not whichever the bundle lists first (a PKCS#12 often puts the CA first).
        var leaf = SigningIdentityLoader.SelectLeaf(certificates, material.Keys.FirstOrDefault());
        foreach (var extra in certificates.Where(c => !ReferenceEquals(c, leaf)))
        {
            extra.Dispose();
        }

        return leaf;
    }
}
