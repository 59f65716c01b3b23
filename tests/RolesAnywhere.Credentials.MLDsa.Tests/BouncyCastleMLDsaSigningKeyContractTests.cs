using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>The <see cref="ISigningKey"/> contract over the BouncyCastle ML-DSA key, once per parameter set (keys: Python's vectors).</summary>
public static class BouncyCastleMLDsaSigningKeyContractTests
{
    public sealed class MLDsa44 : SigningKeyContractTests
    {
        private static readonly MLDsaVector Vector = MLDsaVector.Load(44);

        protected override X509Certificate2 Certificate => Vector.Certificate;

        protected override ISigningKey CreateKey() => Vector.CreateKey();
    }

    public sealed class MLDsa65 : SigningKeyContractTests
    {
        private static readonly MLDsaVector Vector = MLDsaVector.Load(65);

        protected override X509Certificate2 Certificate => Vector.Certificate;

        protected override ISigningKey CreateKey() => Vector.CreateKey();
    }

    public sealed class MLDsa87 : SigningKeyContractTests
    {
        private static readonly MLDsaVector Vector = MLDsaVector.Load(87);

        protected override X509Certificate2 Certificate => Vector.Certificate;

        protected override ISigningKey CreateKey() => Vector.CreateKey();
    }
}
