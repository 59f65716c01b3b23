using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// This test project does not reference RolesAnywhere.Credentials.MLDsa: an ML-DSA key loads only where the platform
/// has ML-DSA, and otherwise fails with a message naming the file and the package to add.
/// </summary>
public sealed class MLDsaWithoutPackageTests
{
    [Fact]
    public void FromFiles_MLDsaKeyWithoutThePackage_NamesTheFileAndThePackageToAdd()
    {
        string certificate = TestVectors.PathOf("mldsa/mldsa65-leaf.pem");
        string key = TestVectors.PathOf("mldsa/mldsa65-leaf.key");
        if (MLDsaImplementations.Current is not null)
        {
            // .NET 10 with OpenSSL 3.5 or CNG: the platform signs, no package needed.
            using var identity = SigningIdentity.FromFiles(certificate, key);
            Assert.Equal(SigningKeyAlgorithm.MLDsa, identity.SigningKey.Algorithm);
            return;
        }

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(certificate, key));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet add package RolesAnywhere.Credentials.MLDsa", error.Message, StringComparison.Ordinal);
    }
}
