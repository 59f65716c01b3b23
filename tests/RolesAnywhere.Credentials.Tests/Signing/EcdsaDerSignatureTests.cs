using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>The r||s to DER re-encoding, checked against the platform's ASN.1 writer and ECDSA verifier.</summary>
public sealed class EcdsaDerSignatureTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(48)]
    [InlineData(66)]
    public void TryEncode_EdgeValues_EqualsAsnWriterOutput(int half)
    {
        byte[][] halves =
        [
            new byte[half],                                           // zero
            [.. new byte[half - 1], 0x01],                            // one
            [0x80, .. new byte[half - 1]],                            // high bit: needs a leading zero
            [0x00, 0x00, 0x7F, .. Enumerable.Repeat((byte)0xFF, half - 3)], // leading zeros to trim
            Enumerable.Repeat((byte)0xFF, half).ToArray(),            // all ones
        ];

        foreach (byte[] r in halves)
        {
            foreach (byte[] s in halves)
            {
                byte[] destination = new byte[2 * half + 9];
                Assert.True(EcdsaDerSignature.TryEncode([.. r, .. s], destination, out int written));
                Assert.Equal(Reference(r, s), destination[..written]);
            }
        }
    }

    [Theory]
    [InlineData("nistP256")]
    [InlineData("nistP384")]
    [InlineData("nistP521")]
    public void TryEncode_PlatformSignatures_VerifyAsDerAndMatchPlatformConversion(string curve)
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName(curve));
        byte[] data = "string to sign"u8.ToArray();
        for (int i = 0; i < 20; i++)
        {
            byte[] fixedWidth = ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            byte[] destination = new byte[ecdsa.GetMaxSignatureSize(DSASignatureFormat.Rfc3279DerSequence)];

            Assert.True(EcdsaDerSignature.TryEncode(fixedWidth, destination, out int written));

            Assert.Equal(Reference(fixedWidth[..(fixedWidth.Length / 2)], fixedWidth[(fixedWidth.Length / 2)..]), destination[..written]);
            Assert.True(ecdsa.VerifyData(data, destination.AsSpan(0, written), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
    }

    [Fact]
    public void TryEncode_DestinationTooSmall_ReturnsFalse()
    {
        byte[] fixedWidth = Enumerable.Repeat((byte)0xFF, 64).ToArray();

        Assert.False(EcdsaDerSignature.TryEncode(fixedWidth, new byte[71], out int written));
        Assert.Equal(0, written);
        Assert.True(EcdsaDerSignature.TryEncode(fixedWidth, new byte[72], out written));
        Assert.Equal(72, written);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    public void TryEncode_OddOrEmptyInput_ThrowsArgumentException(int length)
    {
        Assert.Throws<ArgumentException>(() => EcdsaDerSignature.TryEncode(new byte[length], new byte[200], out _));
    }

    private static byte[] Reference(byte[] r, byte[] s)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(new BigInteger(r, isUnsigned: true, isBigEndian: true));
            writer.WriteInteger(new BigInteger(s, isUnsigned: true, isBigEndian: true));
        }

        return writer.Encode();
    }
}
