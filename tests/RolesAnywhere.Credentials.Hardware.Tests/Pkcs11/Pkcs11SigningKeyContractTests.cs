using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Pkcs11;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

/// <summary>The <see cref="ISigningKey"/> contract over keys generated on a SoftHSM2 token.</summary>
public static class Pkcs11SigningKeyContractTests
{
    public sealed class Rsa2048 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => SoftHsm.Require().RsaCertificate;

        protected override ISigningKey CreateKey() => Open("object=rsa");
    }

    public sealed class P256 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => SoftHsm.Require().P256Certificate;

        protected override ISigningKey CreateKey() => Open("object=p256");
    }

    /// <summary>A key that demands a context-specific login before every signature.</summary>
    public sealed class P256AlwaysAuthenticate : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => SoftHsm.Require().AlwaysAuthenticateCertificate;

        protected override ISigningKey CreateKey() => Open("object=always", new Pkcs11SigningKeyOptions { ReusePin = true });
    }

    private static Pkcs11SigningKey Open(string query, Pkcs11SigningKeyOptions? options = null)
    {
        SoftHsm.Require();
        return Pkcs11SigningKey.Open(SoftHsm.Uri(query), options);
    }
}
