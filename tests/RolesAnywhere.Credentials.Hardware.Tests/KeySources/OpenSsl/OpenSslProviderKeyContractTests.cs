using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;

/// <summary>The <see cref="ISigningKey"/> contract over TPM keys reached through the OpenSSL tpm2 provider (swtpm).</summary>
public static class OpenSslProviderKeyContractTests
{
    public sealed class TpmP256Handle : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => SoftwareTpm.Require().EcCertificate;

        protected override ISigningKey CreateKey() => Open(SoftwareTpm.EcHandle);
    }

    public sealed class TpmRsa2048Handle : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => SoftwareTpm.Require().RsaCertificate;

        protected override ISigningKey CreateKey() => Open(SoftwareTpm.RsaHandle);
    }

    private static ISigningKey Open(string keyUri)
    {
        SoftwareTpm.Require();
        return OpenSslProviderKey.Open(OpenSslProviderKey.Tpm2Provider, keyUri);
    }
}
