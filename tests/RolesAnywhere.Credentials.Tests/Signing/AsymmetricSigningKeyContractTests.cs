using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>The <see cref="ISigningKey"/> contract over <see cref="AsymmetricSigningKey"/>, one class per supported key kind.</summary>
public static class SoftwareSigningKeyContractTests
{
    public sealed class Rsa2048 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestKeys.Rsa2048.Certificate;

        protected override ISigningKey CreateKey() => TestKeys.Rsa2048.CreateKey();
    }

    public sealed class Rsa4096 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestKeys.Rsa4096.Certificate;

        protected override ISigningKey CreateKey() => TestKeys.Rsa4096.CreateKey();
    }

    public sealed class P256 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestKeys.P256.Certificate;

        protected override ISigningKey CreateKey() => TestKeys.P256.CreateKey();
    }

    public sealed class P384 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestKeys.P384.Certificate;

        protected override ISigningKey CreateKey() => TestKeys.P384.CreateKey();
    }

    public sealed class P521 : SigningKeyContractTests
    {
        protected override X509Certificate2 Certificate => TestKeys.P521.Certificate;

        protected override ISigningKey CreateKey() => TestKeys.P521.CreateKey();
    }
}
