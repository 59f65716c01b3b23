using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>What <see cref="AsymmetricSigningKey"/> accepts and refuses (signing itself is covered by the contract tests).</summary>
public sealed class SoftwareSigningKeyTests
{
    [Fact]
    public void Constructor_Rsa1024_ThrowsConfigurationExceptionNamingTheSize()
    {
        using var rsa = RSA.Create(1024);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new AsymmetricSigningKey(rsa));

        Assert.Contains("1024-bit", error.Message, StringComparison.Ordinal);
        Assert.Contains("2048 to 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Rsa8192_ThrowsConfigurationException()
    {
        // Only the public half is needed to be refused: no slow 8192-bit generation.
        using var rsa = RSA.Create();
        byte[] modulus = new byte[1024];
        modulus.AsSpan().Fill(0xC5);
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = [1, 0, 1] });

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new AsymmetricSigningKey(rsa));

        Assert.Contains("8192-bit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BrainpoolCurve_ThrowsConfigurationExceptionNamingTheCurve()
    {
        ECDsa ecdsa;
        try
        {
            ecdsa = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        }
        catch (PlatformNotSupportedException)
        {
            ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp256k1"));
        }

        using (ecdsa)
        {
            var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new AsymmetricSigningKey(ecdsa));

            Assert.Contains("P-256, P-384 and P-521", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new AsymmetricSigningKey((RSA)null!));
        Assert.Throws<ArgumentNullException>(() => new AsymmetricSigningKey((ECDsa)null!));
    }

    [Theory]
    [InlineData(2048, 256)]
    [InlineData(3072, 384)]
    public void Constructor_SupportedRsa_MaxSignatureIsModulusLength(int size, int expected)
    {
        using var key = new AsymmetricSigningKey(RSA.Create(size));

        Assert.Equal(SigningKeyAlgorithm.Rsa, key.Algorithm);
        Assert.Equal(expected, key.MaxSignatureSizeInBytes);
    }

    [Theory]
    [InlineData("nistP256", 72)]
    [InlineData("nistP384", 104)]
    [InlineData("nistP521", 139)]
    public void Constructor_SupportedCurve_MaxSignatureIsLongestDer(string curve, int expected)
    {
        using var key = new AsymmetricSigningKey(ECDsa.Create(ECCurve.CreateFromFriendlyName(curve)));

        Assert.Equal(SigningKeyAlgorithm.Ecdsa, key.Algorithm);
        Assert.Equal(expected, key.MaxSignatureSizeInBytes);
    }

    [Fact]
    public void Dispose_Key_DisposesTheWrappedAlgorithm()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new AsymmetricSigningKey(ecdsa);

        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ecdsa.SignData([1, 2, 3], HashAlgorithmName.SHA256));
    }

    [Fact]
    public void ToString_Key_NamesTypeAndSizeButNoKeyMaterial()
    {
        using var rsa = RSA.Create(2048);
        string modulus = Convert.ToBase64String(rsa.ExportParameters(false).Modulus!);
        using var key = new AsymmetricSigningKey(rsa);

        Assert.Equal("AsymmetricSigningKey(RSA 2048)", key.ToString());
        Assert.DoesNotContain(modulus[..16], key.ToString(), StringComparison.Ordinal);
        using var p384 = new AsymmetricSigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP384));
        Assert.Equal("AsymmetricSigningKey(ECDSA P-384)", p384.ToString());
    }
}
