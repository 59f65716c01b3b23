using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>Checks a loaded identity against the certificate it should hold, with the platform's own verifiers.</summary>
internal static class IdentityAssert
{
    public static void SignsFor(X509Certificate2 expected, SigningIdentity identity)
    {
        Assert.Equal(expected.RawData, identity.Certificate.RawData);
        var data = RandomNumberGenerator.GetBytes(100);
        var signature = new byte[identity.SigningKey.MaxSignatureSizeInBytes];
        Assert.True(identity.SigningKey.TrySign(data, signature, out var written));
        var signed = signature.AsSpan(0, written);
        if (identity.SigningKey.Algorithm == SigningKeyAlgorithm.Rsa)
        {
            using var rsa = expected.GetRSAPublicKey()!;
            Assert.True(rsa.VerifyData(data, signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
        else
        {
            using var ecdsa = expected.GetECDsaPublicKey()!;
            Assert.True(ecdsa.VerifyData(data, signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    public static void SameCertificates(IEnumerable<X509Certificate2> expected, X509Certificate2Collection actual) =>
        Assert.Equal(expected.Select(c => c.Thumbprint), actual.Select(c => c.Thumbprint));

    /// <summary>Asserts the configuration error and returns its message, checking that no secret leaked into it.</summary>
    public static string ConfigurationError(Action load, params string[] mustContain)
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(load);
        foreach (var text in mustContain)
        {
            Assert.True(ex.Message.Contains(text, StringComparison.Ordinal), $"Expected '{text}' in: {ex.Message}");
        }

        Assert.DoesNotContain(KeyMaterialFixture.Password, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY-----", ex.Message, StringComparison.Ordinal);
        return ex.Message;
    }
}
