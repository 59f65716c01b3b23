using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Pkcs11;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

public sealed class Pkcs11SigningKeyTests
{
    private static readonly byte[] s_data = "AWS4-X509-ECDSA-SHA256\n20260101T000000Z\n..."u8.ToArray();

    [Fact]
    public void Open_RsaKeyOnToken_SignsVerifiableSha256Pkcs1AndFindsCertificate()
    {
        var hsm = SoftHsm.Require();
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa"));

        Assert.Equal(SigningKeyAlgorithm.Rsa, key.Algorithm);
        Assert.Equal(256, key.MaxSignatureSizeInBytes);
        Assert.Equal(hsm.RsaCertificate.Thumbprint, key.Certificate?.Thumbprint);
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        Assert.True(key.TrySign(s_data, signature, out int written));
        using var rsa = hsm.RsaCertificate.GetRSAPublicKey()!;
        Assert.True(rsa.VerifyData(s_data, signature.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task SignAsync_P256KeyById_ReturnsDerThatVerifies()
    {
        var hsm = SoftHsm.Require();
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("id=%02"));

        Assert.Equal(SigningKeyAlgorithm.Ecdsa, key.Algorithm);
        Assert.Equal(72, key.MaxSignatureSizeInBytes);
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        int written = await key.SignAsync(s_data, signature, TestContext.Current.CancellationToken);
        using var ecdsa = hsm.P256Certificate.GetECDsaPublicKey()!;
        Assert.True(ecdsa.VerifyData(s_data, signature.AsSpan(0, written), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.Equal(0x30, signature[0]);
    }

    [Fact]
    public void TrySign_DestinationTooSmall_ReturnsFalse()
    {
        SoftHsm.Require();
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa"));

        Assert.False(key.TrySign(s_data, new byte[16], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public async Task TrySign_ManyThreadsOneSession_AllSignaturesVerify()
    {
        var hsm = SoftHsm.Require();
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=p256"));
        using var ecdsa = hsm.P256Certificate.GetECDsaPublicKey()!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            bool all = true;
            Span<byte> signature = stackalloc byte[72];
            for (int n = 0; n < 25; n++)
            {
                byte[] data = BitConverter.GetBytes((i * 1000) + n);
                all &= key.TrySign(data, signature, out int written) &&
                    ecdsa.VerifyData(data, signature[..written], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }

            return all;
        }, TestContext.Current.CancellationToken)));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Open_AlwaysAuthenticateKeyWithReusePin_SignsEveryTime()
    {
        var hsm = SoftHsm.Require();
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=always"), new Pkcs11SigningKeyOptions { ReusePin = true });
        using var ecdsa = hsm.AlwaysAuthenticateCertificate.GetECDsaPublicKey()!;

        Span<byte> signature = stackalloc byte[72];
        for (int i = 0; i < 3; i++)
        {
            Assert.True(key.TrySign(s_data, signature, out int written));
            Assert.True(ecdsa.VerifyData(s_data, signature[..written], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Fact]
    public void Open_AlwaysAuthenticateKeyWithCallback_AsksForPinPerSignature()
    {
        SoftHsm.Require();
        int asked = 0;
        var options = new Pkcs11SigningKeyOptions { PinCallback = label => { Interlocked.Increment(ref asked); return SoftHsm.Pin; } };
        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=always"), options);
        int afterOpen = asked;

        Span<byte> signature = stackalloc byte[72];
        Assert.True(key.TrySign(s_data, signature, out _));
        Assert.True(key.TrySign(s_data, signature, out _));

        Assert.Equal(afterOpen + 2, asked);
    }

    [Fact]
    public void Open_AlwaysAuthenticateKeyWithoutReuseOrCallback_ThrowsNamingTheOption()
    {
        SoftHsm.Require();

        var ex = Assert.Throws<RolesAnywherePkcs11Exception>(() => Pkcs11SigningKey.Open(SoftHsm.Uri("object=always")));

        Assert.Contains("CKA_ALWAYS_AUTHENTICATE", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ReusePin", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PinFromOptionsAndModuleFromOptions_Works()
    {
        SoftHsm.Require();
        var options = new Pkcs11SigningKeyOptions { ModulePath = SoftHsm.ModulePath, Pin = SoftHsm.Pin };

        using var key = Pkcs11SigningKey.Open($"pkcs11:token={SoftHsm.MainToken};object=p256", options);

        Assert.NotNull(key.Certificate);
        Assert.DoesNotContain(SoftHsm.Pin, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PinFromCallback_ReceivesTokenLabel()
    {
        SoftHsm.Require();
        string? seen = null;
        var options = new Pkcs11SigningKeyOptions { PinCallback = label => { seen = label; return SoftHsm.Pin; } };

        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=p256", pin: null), options);

        Assert.Equal(SoftHsm.MainToken, seen);
    }

    [Fact]
    public void Open_KeyWithoutCertificateOnToken_HasNullCertificate()
    {
        SoftHsm.Require();

        using var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=nocert"));

        Assert.Null(key.Certificate);
    }

    [Fact]
    public void Dispose_ThenSign_ThrowsObjectDisposed()
    {
        SoftHsm.Require();
        var key = Pkcs11SigningKey.Open(SoftHsm.Uri("object=p256"));
        key.Dispose();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.TrySign(s_data, new byte[72], out _));
    }

    [Fact]
    public void Open_TwoKeysSameModule_ShareLoadedModuleAndBothSign()
    {
        SoftHsm.Require();
        using var first = Pkcs11SigningKey.Open(SoftHsm.Uri("object=p256"));
        using (var second = Pkcs11SigningKey.Open(SoftHsm.Uri("object=rsa")))
        {
            Assert.True(second.TrySign(s_data, new byte[256], out _));
        }

        Assert.True(first.TrySign(s_data, new byte[72], out _));
    }

    internal static X509Certificate2 CertificateOf(Pkcs11SigningKey key) => key.Certificate!;
}
