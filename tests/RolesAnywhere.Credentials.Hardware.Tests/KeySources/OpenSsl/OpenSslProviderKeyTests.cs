using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.KeySources.OpenSsl;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.OpenSsl;

public sealed class OpenSslProviderKeyTests
{
#if NET9_0_OR_GREATER
    [Fact]
    public void Open_MissingPersistentHandle_ThrowsNamingKeyAndProvider()
    {
        SoftwareTpm.Require();

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => OpenSslProviderKey.Open("tpm2", "handle:0x81000099"));

        Assert.Contains("'handle:0x81000099'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tpm2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownProvider_ThrowsConfigurationError()
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => OpenSslProviderKey.Open("no-such-provider", "handle:0x81000001"));

        Assert.Contains("no-such-provider", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_HandleInPrivateKeyPath_OpensTpmKey()
    {
        var tpm = SoftwareTpm.Require();
        var options = new RolesAnywhereOptions { PrivateKeyPath = SoftwareTpm.EcHandle };

        using var opened = SigningKeySourceResolver.TryOpen(options, TimeProvider.System);

        Assert.NotNull(opened);
        Assert.Null(opened.Certificate);
        Assert.Equal(SigningKeyAlgorithm.Ecdsa, opened.SigningKey.Algorithm);
        AssertSignsFor(opened.SigningKey, tpm.EcCertificate);
    }

    [Fact]
    public void ToString_TpmKey_NamesProviderAndHandle()
    {
        SoftwareTpm.Require();

        using var key = OpenSslProviderKey.Open("tpm2", SoftwareTpm.EcHandle);

        Assert.Equal("OpenSSL provider key tpm2:handle:0x81000001 (Ecdsa)", key.ToString());
    }
#else
    // The framework differs: .NET 8 has no SafeEvpPKeyHandle.OpenKeyFromProvider, so the net8.0 build of the library
    // refuses every provider key, naming what it needs, before it looks for the provider or the TPM.
    [Theory]
    [InlineData("tpm2", "handle:0x81000001")]
    [InlineData("no-such-provider", "handle:0x81000001")]
    public void Open_OnDotNet8_ThrowsNamingDotNet9(string provider, string key)
    {
        var ex = Assert.Throws<PlatformNotSupportedException>(() => OpenSslProviderKey.Open(provider, key));

        Assert.Contains(".NET 9", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_HandleInPrivateKeyPath_OnDotNet8_ThrowsNamingDotNet9()
    {
        var options = new RolesAnywhereOptions { PrivateKeyPath = SoftwareTpm.EcHandle };

        var ex = Assert.Throws<PlatformNotSupportedException>(() => SigningKeySourceResolver.TryOpen(options, TimeProvider.System));

        Assert.Contains(".NET 9", ex.Message, StringComparison.Ordinal);
    }
#endif

    [Theory]
    [InlineData("", "handle:0x81000001")]
    [InlineData("tpm2", "")]
    public void Open_EmptyArgument_ThrowsArgumentException(string provider, string key) =>
        Assert.ThrowsAny<ArgumentException>(() => OpenSslProviderKey.Open(provider, key));

    [Fact]
    public void Resolver_Tss2KeyFileInPrivateKeyPath_ThrowsExplainingHandleConversion()
    {
        var tpm = SoftwareTpm.Require();
        var options = new RolesAnywhereOptions { PrivateKeyPath = tpm.Tss2KeyFile };

        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningKeySourceResolver.TryOpen(options, TimeProvider.System));

        Assert.Contains("TSS2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("tpm2_evictcontrol", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_OrdinaryPemKeyFile_ReturnsNullForTheFileLoader()
    {
        var options = new RolesAnywhereOptions { PrivateKeyPath = TestSupport.TestVectors.PathOf("botocore/leaf-p256.key") };

        Assert.Null(SigningKeySourceResolver.TryOpen(options, TimeProvider.System));
    }

    private static void AssertSignsFor(ISigningKey key, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        byte[] data = "string to sign"u8.ToArray();
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        Assert.True(key.TrySign(data, signature, out int written));
        using var ecdsa = certificate.GetECDsaPublicKey()!;
        Assert.True(ecdsa.VerifyData(data, signature.AsSpan(0, written), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
    }
}
