using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

public sealed class EcdsaSignatureEncodingTests
{
    public static TheoryData<string, int> Curves => new() { { "nistP256", 256 }, { "nistP384", 384 }, { "nistP521", 521 } };

    [Theory]
    [MemberData(nameof(Curves))]
    public void TryRawToDer_RealSignatures_MatchPlatformDerAndVerify(string curveName, int curveBits)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromFriendlyName(curveName));
        byte[] data = "string to sign"u8.ToArray();
        Span<byte> der = stackalloc byte[EcdsaDerSignature.MaxDerSize(curveBits)];

        for (int i = 0; i < 64; i++)
        {
            byte[] raw = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            Assert.True(EcdsaDerSignature.TryEncode(raw, der, out int written));
            Assert.True(key.VerifyData(data, der[..written], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }

        Assert.Equal(key.GetMaxSignatureSize(DSASignatureFormat.Rfc3279DerSequence), EcdsaDerSignature.MaxDerSize(curveBits));
    }

    [Fact]
    public void TryRawToDer_HighBitAndLeadingZeros_EncodesMinimalPositiveIntegers()
    {
        byte[] raw = new byte[64];
        raw[0] = 0x80; // r: high bit set -> needs a 0x00 prefix
        raw[63] = 0x05; // s: 31 leading zero bytes -> one content byte
        Span<byte> der = stackalloc byte[72];

        Assert.True(EcdsaDerSignature.TryEncode(raw, der, out int written));

        byte[] expectedPrefix = [0x30, 0x26, 0x02, 0x21, 0x00, 0x80];
        Assert.Equal(expectedPrefix, der[..6].ToArray());
        Assert.Equal(new byte[] { 0x02, 0x01, 0x05 }, der[(written - 3)..written].ToArray());
        Assert.Equal(0x28, written);
    }

    [Fact]
    public void TryRawToDer_DestinationTooSmall_ReturnsFalse()
    {
        byte[] raw = RandomNumberGenerator.GetBytes(64);

        Assert.False(EcdsaDerSignature.TryEncode(raw, new byte[10], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryRawToDer_OddLength_Throws() =>
        Assert.Throws<ArgumentException>(() => EcdsaDerSignature.TryEncode(new byte[63], new byte[72], out _));
}
