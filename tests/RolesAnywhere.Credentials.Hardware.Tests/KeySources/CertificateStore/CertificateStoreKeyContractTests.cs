using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;

/// <summary>The <see cref="ISigningKey"/> contract over keys taken from the CurrentUser certificate store.</summary>
public static class CertificateStoreKeyContractTests
{
    public sealed class P256 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestCertificateStore.Instance.Other;

        protected override ISigningKey CreateKey() =>
            Open($"Key=thumbprint,Value={TestCertificateStore.Instance.Other.Thumbprint}");
    }

    public sealed class Rsa2048 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestCertificateStore.Instance.Renewed;

        protected override ISigningKey CreateKey() =>
            Open($"Key=x509Serial,Value={TestCertificateStore.Instance.Renewed.SerialNumber}");
    }

    private static ISigningKey Open(string selector)
    {
        var options = new RolesAnywhereOptions { CertificateSelector = selector, CertificateStoreName = TestCertificateStore.Instance.MainStore };
        var opened = SigningKeySourceResolver.TryOpen(options, TimeProvider.System)!;
        return opened.SigningKey; // The certificate copy is left to the finalizer; the key is disposed by the test.
    }
}
