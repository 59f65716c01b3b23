using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>
/// Our ML-DSA signing against independent implementations: botocore's canonicalization, Python
/// <c>cryptography</c>'s ML-DSA (hedged, so signatures are verified both ways rather than compared) and
/// <c>@noble/post-quantum</c>'s deterministic ML-DSA (compared byte for byte, as the official helper signs).
/// </summary>
public sealed class MLDsaVectorTests
{
    public static TheoryData<int> ParameterSets => MLDsaVector.ParameterSets;

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Signer_PythonVector_CanonicalRequestAndStringToSignMatchBotocore(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        using var key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, null, key);

        Assert.Equal("AWS4-X509-MLDSA", signer.AlgorithmName);
        Assert.Equal(vector.CanonicalRequest, signer.GetCanonicalRequest(vector.CreateRequest()));
        Assert.Equal(vector.StringToSign, signer.GetStringToSign(vector.CreateRequest()));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Authorization_PythonVector_EqualUpToTheSignature(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        using var key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, null, key);

        string ours = signer.CreateAuthorizationHeader(vector.CreateRequest());

        string expected = vector.Headers["Authorization"];
        int signatureAt = expected.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
        Assert.Equal(expected[..signatureAt], ours[..signatureAt]);
        Assert.Equal(2 * vector.ParameterSet.SignatureSize, ours.Length - signatureAt);
        Assert.InRange(ours.Length, 1, signer.MaxAuthorizationHeaderLength);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Verify_PythonSignature_AcceptedAndOneBitFlipRefused(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        var implementation = MLDsaImplementations.Current!;
        byte[] stringToSign = Encoding.ASCII.GetBytes(vector.StringToSign);
        byte[] publicKey = vector.Certificate.PublicKey.EncodedKeyValue.RawData;
        byte[] signature = vector.PythonSignature;

        Assert.Equal(vector.ParameterSet.SignatureSize, signature.Length);
        Assert.True(implementation.Verify(vector.ParameterSet, publicKey, stringToSign, signature));
        signature[100] ^= 0x01;
        Assert.False(implementation.Verify(vector.ParameterSet, publicKey, stringToSign, signature));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Sign_OurSignatures_VerifiedByPythonCryptography(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        using var key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, null, key);
        byte[] stringToSign = Encoding.ASCII.GetBytes(vector.StringToSign);
        byte[] fromSigner = Convert.FromHexString(signer.CreateAuthorizationHeader(vector.CreateRequest()).Split("Signature=")[1]);
        byte[] empty = Sign(key, []);
        byte[] tampered = (byte[])fromSigner.Clone();
        tampered[^1] ^= 0x80;

        var verdicts = PythonMLDsa.Verify(vector.CertificatePath, [(stringToSign, fromSigner), ([], empty), (stringToSign, tampered)]);

        Assert.Equal(["ok", "ok", "bad"], verdicts);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Sign_SameStringTwice_SameSignatureAsTheOfficialHelperDoes(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        using var first = vector.CreateKey();
        using var second = vector.CreateKey();
        byte[] data = Encoding.ASCII.GetBytes(vector.StringToSign);

        Assert.Equal(Sign(first, data), Sign(second, data));
        Assert.NotEqual(Sign(first, data), Sign(first, [.. data, (byte)'\n']));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Sign_Deterministic_ByteForByteTheSignatureOfNoblePostQuantum(int bits)
    {
        var vector = MLDsaVector.Load(bits);
        using var key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, null, key);
        using var known = JsonDocument.Parse(TestVectors.ReadText($"mldsa/mldsa{bits}-deterministic.json"));
        var signatures = known.RootElement.GetProperty("signatures").EnumerateArray()
            .Select(e => (Message: e.GetProperty("message").GetString()!, Signature: e.GetProperty("signature").GetString()!))
            .ToList();

        foreach (var (message, signature) in signatures)
        {
            Assert.Equal(Convert.FromHexString(signature), Sign(key, Encoding.ASCII.GetBytes(message)));
        }

        // The whole header: botocore's scope and signed headers, then the deterministic signature the official helper would send.
        string expected = vector.Headers["Authorization"].Split("Signature=")[0] + "Signature=" + signatures.Single(s => s.Message == vector.StringToSign).Signature;
        Assert.Equal(expected, signer.CreateAuthorizationHeader(vector.CreateRequest()));
    }

    private static byte[] Sign(ISigningKey key, byte[] data)
    {
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        Assert.True(key.TrySign(data, signature, out int written));
        return signature[..written];
    }
}
