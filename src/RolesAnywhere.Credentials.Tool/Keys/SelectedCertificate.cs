using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources.CertificateStore;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>The certificate <c>read-certificate-data</c> describes: from a file, a PKCS#11 token or the OS certificate store.</summary>
internal static class SelectedCertificate
{
    /// <summary>Loads the certificate the command line names; the caller disposes it.</summary>
    /// <exception cref="RolesAnywhereException">The certificate cannot be found or read.</exception>
    public static X509Certificate2 Load(ParsedCommandLine parsed, TimeProvider time)
    {
        // No PIN prompt: token certificates are read without logging in (Pkcs11Support.ReadCertificate).
        var options = KeySourceFlags.ApplyTo(parsed, new RolesAnywhereOptions(), pinPrompt: null);
        if (KeySourceFlags.UsesStore(parsed))
        {
            var opened = CertificateStoreKeySource.Open(options, time);
            opened.SigningKey.Dispose();
            return opened.Certificate!;
        }

        var path = options.CertificatePath
            ?? throw new UsageException($"--{Flags.Certificate} is required.", "Name the certificate as a file or a pkcs11: URI, or select a store certificate with --cert-selector.");
        if (!KeySourceFlags.IsPkcs11(path))
        {
            return KeyFiles.LoadCertificate(path, options.PrivateKeyPassword);
        }

        return Pkcs11Support.ReadCertificate(parsed, path);
    }
}
