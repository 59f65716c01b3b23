using System.Formats.Asn1;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Tells apart the DER structures users hand us as files without a PEM label, by the shape of the
/// outer <c>SEQUENCE</c>. Reads no secret values beyond version numbers.
/// </summary>
internal static class DerClassifier
{
    private const string Pkcs7DataOid = "1.2.840.113549.1.7.1";

    public static DerKind Classify(ReadOnlyMemory<byte> der)
    {
        if (der.IsEmpty || der.Span[0] != 0x30)
        {
            return DerKind.Unknown;
        }

        try
        {
            return ClassifyCore(der);
        }
        catch (AsnContentException)
        {
            return DerKind.Unknown;
        }
    }

    private static DerKind ClassifyCore(ReadOnlyMemory<byte> der)
    {
        // BER: PKCS#12 files from some tools use indefinite lengths.
        var outer = new AsnReader(der, AsnEncodingRules.BER);
        var sequence = outer.ReadSequence();
        var first = sequence.PeekTag();
        if (first.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            sequence.ReadEncodedValue();
            var second = sequence.PeekTag();
            if (second.HasSameClassAndValue(Asn1Tag.Sequence))
            {
                return DerKind.Certificate; // tbsCertificate, signatureAlgorithm, signature
            }

            return second.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) || second.HasSameClassAndValue(Asn1Tag.ConstructedOctetString)
                ? DerKind.EncryptedPkcs8 // encryptionAlgorithm, encryptedData
                : DerKind.Unknown;
        }

        if (!first.HasSameClassAndValue(Asn1Tag.Integer) || !sequence.TryReadInt32(out var version))
        {
            return DerKind.Unknown;
        }

        var next = sequence.PeekTag();
        return version switch
        {
            3 when next.HasSameClassAndValue(Asn1Tag.Sequence) && IsPkcs7Data(sequence) => DerKind.Pkcs12,
            0 or 1 when next.HasSameClassAndValue(Asn1Tag.Sequence) => DerKind.Pkcs8,
            0 or 1 when next.HasSameClassAndValue(Asn1Tag.Integer) => DerKind.Pkcs1,
            1 when next.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) => DerKind.Sec1,
            _ => DerKind.Unknown,
        };
    }

    private static bool IsPkcs7Data(AsnReader sequence)
    {
        var contentInfo = sequence.ReadSequence();
        return contentInfo.ReadObjectIdentifier() == Pkcs7DataOid;
    }
}
