using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// The behaviour every <see cref="ISigningKey"/> owes the signer, checked the same way for software,
/// PKCS#11, TPM, OS-store and ML-DSA keys: every signature is verified with the platform's own
/// <see cref="RSA"/>/<see cref="ECDsa"/> (BouncyCastle for ML-DSA) over the certificate's public key, never with the key under test.
/// </summary>
/// <remarks>
/// Subclass once per key kind: return a NEW key from <see cref="CreateKey"/> on each call (the tests
/// dispose it) and keep expensive material (generated keys, tokens, TPM handles) in a class fixture or a
/// static <see cref="Lazy{T}"/>. Call <c>Requirement.That</c> from <see cref="CreateKey"/> when a real
/// component is missing.
/// </remarks>
public abstract class SigningKeyContractTests
{
    private static readonly byte[] StringToSign = Encoding.ASCII.GetBytes(
        "AWS4-X509-RSA-SHA256\n20261124T010203Z\n20261124/us-east-1/rolesanywhere/aws4_request\n" + new string('a', 64));

    /// <summary>Gets the certificate whose public key verifies the key's signatures.</summary>
    protected abstract X509Certificate2 Certificate { get; }

    /// <summary>Gets how many threads sign at once in the concurrency test.</summary>
    protected virtual int ConcurrentSigners => 4;

    /// <summary>Gets how many signatures each of those threads makes.</summary>
    protected virtual int SignaturesPerSigner => 8;

    [Fact]
    public void Algorithm_Key_MatchesCertificatePublicKey()
    {
        using ISigningKey key = CreateKey();

        SigningKeyAlgorithm expected = MLDsaVerification.IsMLDsa(Certificate) ? SigningKeyAlgorithm.MLDsa
            : Certificate.GetRSAPublicKey() is not null ? SigningKeyAlgorithm.Rsa : SigningKeyAlgorithm.Ecdsa;
        Assert.Equal(expected, key.Algorithm);
    }

    [Fact]
    public void TrySign_LargeEnoughBuffer_SignatureVerifiesWithCertificate()
    {
        using ISigningKey key = CreateKey();
        byte[] destination = new byte[key.MaxSignatureSizeInBytes];

        Assert.True(key.TrySign(StringToSign, destination, out int written));

        AssertValidSignature(StringToSign, destination.AsSpan(0, written).ToArray(), key.MaxSignatureSizeInBytes);
    }

    [Fact]
    public void TrySign_EmptyData_SignatureVerifiesWithCertificate()
    {
        using ISigningKey key = CreateKey();
        byte[] destination = new byte[key.MaxSignatureSizeInBytes];

        Assert.True(key.TrySign(ReadOnlySpan<byte>.Empty, destination, out int written));

        AssertValidSignature([], destination.AsSpan(0, written).ToArray(), key.MaxSignatureSizeInBytes);
    }

    [Fact]
    public void TrySign_OversizedBuffer_WritesOnlyTheSignature()
    {
        using ISigningKey key = CreateKey();
        byte[] destination = new byte[key.MaxSignatureSizeInBytes + 64];
        destination.AsSpan().Fill(0xEE);

        Assert.True(key.TrySign(StringToSign, destination, out int written));

        AssertValidSignature(StringToSign, destination.AsSpan(0, written).ToArray(), key.MaxSignatureSizeInBytes);
        Assert.All(destination.AsSpan(written).ToArray(), b => Assert.Equal(0xEE, b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    public void TrySign_TooSmallBuffer_ReturnsFalse(int size)
    {
        using ISigningKey key = CreateKey();
        byte[] destination = new byte[size];

        Assert.False(key.TrySign(StringToSign, destination, out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TrySign_Twice_BothVerify()
    {
        using ISigningKey key = CreateKey();
        byte[] first = new byte[key.MaxSignatureSizeInBytes];
        byte[] second = new byte[key.MaxSignatureSizeInBytes];

        Assert.True(key.TrySign(StringToSign, first, out int firstLength));
        Assert.True(key.TrySign(StringToSign, second, out int secondLength));

        AssertValidSignature(StringToSign, first.AsSpan(0, firstLength).ToArray(), key.MaxSignatureSizeInBytes);
        AssertValidSignature(StringToSign, second.AsSpan(0, secondLength).ToArray(), key.MaxSignatureSizeInBytes);
    }

    [Fact]
    public async Task SignAsync_LargeEnoughBuffer_SignatureVerifiesWithCertificate()
    {
        using ISigningKey key = CreateKey();
        byte[] destination = new byte[key.MaxSignatureSizeInBytes];

        int written = await key.SignAsync(StringToSign, destination, TestContext.Current.CancellationToken);

        AssertValidSignature(StringToSign, destination.AsSpan(0, written).ToArray(), key.MaxSignatureSizeInBytes);
    }

    [Fact]
    public async Task SignAsync_TooSmallBuffer_ThrowsArgumentException()
    {
        using ISigningKey key = CreateKey();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await key.SignAsync(StringToSign, new byte[1], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignAsync_CanceledToken_ThrowsOperationCanceledException()
    {
        using ISigningKey key = CreateKey();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await key.SignAsync(StringToSign, new byte[key.MaxSignatureSizeInBytes], canceled.Token));
    }

    [Fact]
    public async Task TrySign_ManyThreadsAtOnce_EverySignatureVerifies()
    {
        using ISigningKey key = CreateKey();
        using var start = new Barrier(ConcurrentSigners);

        Task<List<(byte[] Data, byte[] Signature)>>[] signers = Enumerable.Range(0, ConcurrentSigners)
            .Select(signer => Task.Factory.StartNew(
                () =>
                {
                    var results = new List<(byte[], byte[])>();
                    start.SignalAndWait(TestContext.Current.CancellationToken);
                    for (int i = 0; i < SignaturesPerSigner; i++)
                    {
                        byte[] data = Encoding.ASCII.GetBytes($"signer {signer} signature {i}");
                        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
                        Assert.True(key.TrySign(data, signature, out int written));
                        results.Add((data, signature[..written]));
                    }

                    return results;
                },
                TestContext.Current.CancellationToken,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToArray();

        foreach ((byte[] data, byte[] signature) in (await Task.WhenAll(signers)).SelectMany(r => r))
        {
            AssertValidSignature(data, signature, key.MaxSignatureSizeInBytes);
        }
    }

    [Fact]
    public async Task SignAsync_ManyCallersAtOnce_EverySignatureVerifies()
    {
        using ISigningKey key = CreateKey();

        (byte[] Data, byte[] Signature)[] results = await Task.WhenAll(Enumerable.Range(0, ConcurrentSigners * 2).Select(async i =>
        {
            await Task.Yield();
            byte[] data = Encoding.ASCII.GetBytes($"caller {i}");
            byte[] signature = new byte[key.MaxSignatureSizeInBytes];
            int written = await key.SignAsync(data, signature, TestContext.Current.CancellationToken);
            return (data, signature[..written]);
        }));

        foreach ((byte[] data, byte[] signature) in results)
        {
            AssertValidSignature(data, signature, key.MaxSignatureSizeInBytes);
        }
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrowAndTheKeyStaysDisposed()
    {
        ISigningKey key = CreateKey();

        key.Dispose();
        var second = Record.Exception(key.Dispose);

        Assert.Null(second);
        Assert.Throws<ObjectDisposedException>(() => key.TrySign(StringToSign, new byte[4096], out _));
    }

    [Fact]
    public void TrySign_AfterDispose_ThrowsObjectDisposedException()
    {
        ISigningKey key = CreateKey();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.TrySign(StringToSign, new byte[8192], out _));
    }

    /// <summary>Creates a new key whose public half is <see cref="Certificate"/>'s; the test disposes it.</summary>
    protected abstract ISigningKey CreateKey();

    /// <summary>
    /// Asserts what the service checks: RSA PKCS#1 v1.5 over SHA-256 as long as the modulus, an ECDSA
    /// SHA-256 signature encoded as DER <c>SEQUENCE { INTEGER r, INTEGER s }</c> (never raw <c>r||s</c>), or a
    /// pure ML-DSA signature of the parameter set's length (verified with BouncyCastle from the certificate).
    /// </summary>
    protected void AssertValidSignature(byte[] data, byte[] signature, int maxSignatureSize)
    {
        Assert.InRange(signature.Length, 1, maxSignatureSize);
        if (MLDsaVerification.IsMLDsa(Certificate))
        {
            Assert.Equal(MLDsaVerification.SignatureSize(Certificate), signature.Length);
            Assert.True(MLDsaVerification.Verify(Certificate, data, signature), "the ML-DSA signature does not verify with the certificate's public key (pure, empty context)");
            return;
        }

        using RSA? rsa = Certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            Assert.Equal((rsa.KeySize + 7) / 8, signature.Length);
            Assert.True(rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "the RSA signature does not verify with the certificate's public key (PKCS#1 v1.5, SHA-256)");
            return;
        }

        using ECDsa ecdsa = Certificate.GetECDsaPublicKey() ?? throw new InvalidOperationException("The certificate's key is neither RSA nor EC.");
        AssertDerSequenceOfTwoIntegers(signature);
        Assert.True(ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), "the ECDSA signature does not verify with the certificate's public key (SHA-256, DER)");
    }

    private static void AssertDerSequenceOfTwoIntegers(byte[] signature)
    {
        try
        {
            var reader = new AsnReader(signature, AsnEncodingRules.DER);
            AsnReader sequence = reader.ReadSequence();
            Assert.False(reader.HasData, "bytes follow the DER SEQUENCE");
            _ = sequence.ReadIntegerBytes();
            _ = sequence.ReadIntegerBytes();
            Assert.False(sequence.HasData, "the SEQUENCE holds more than r and s");
        }
        catch (AsnContentException ex)
        {
            Assert.Fail($"The ECDSA signature is not DER SEQUENCE {{ r, s }} (raw r||s?): {ex.Message}");
        }
    }
}
