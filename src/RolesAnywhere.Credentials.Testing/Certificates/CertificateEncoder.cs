using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>
/// Signs a <see cref="CertificateRequest"/> into a certificate. .NET 10 does it itself. Before .NET 10, .NET cannot
/// encode a public key whose algorithm parameters are absent, as ML-DSA's are (RFC 9881): <c>CertificateRequest.Create</c>
/// fails with "ASN1 corrupted data" (dotnet/runtime#110715, fixed in .NET 10 by #113420). There, the net8.0 build of this
/// package writes such a certificate itself (RFC 5280, section 4.1), with the same fields .NET would write.
/// </summary>
internal static class CertificateEncoder
{
    public static X509Certificate2 Create(
        CertificateRequest request, X500DistinguishedName issuerName, X509SignatureGenerator generator,
        DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serialNumber)
    {
#if !NET10_0_OR_GREATER
        if (request.PublicKey.EncodedParameters.RawData.Length == 0)
        {
            return CreateWithAbsentParameters(request, issuerName, generator, notBefore, notAfter, serialNumber);
        }
#endif
        return request.Create(issuerName, generator, notBefore, notAfter, serialNumber);
    }

#if !NET10_0_OR_GREATER
    private static X509Certificate2 CreateWithAbsentParameters(
        CertificateRequest request, X500DistinguishedName issuerName, X509SignatureGenerator generator,
        DateTimeOffset notBefore, DateTimeOffset notAfter, byte[] serialNumber)
    {
        byte[] signatureAlgorithm = generator.GetSignatureAlgorithmIdentifier(request.HashAlgorithm);
        var tbs = new AsnWriter(AsnEncodingRules.DER);
        using (tbs.PushSequence())
        {
            using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            {
                tbs.WriteInteger(2); // v3
            }

            int first = Array.FindIndex(serialNumber, b => b != 0);
            tbs.WriteIntegerUnsigned(first < 0 ? [0] : serialNumber.AsSpan(first));
            tbs.WriteEncodedValue(signatureAlgorithm);
            tbs.WriteEncodedValue(issuerName.RawData);
            using (tbs.PushSequence())
            {
                WriteTime(tbs, notBefore);
                WriteTime(tbs, notAfter);
            }

            tbs.WriteEncodedValue(request.SubjectName.RawData);
            using (tbs.PushSequence())
            {
                using (tbs.PushSequence())
                {
                    tbs.WriteObjectIdentifier(request.PublicKey.Oid.Value!);
                }

                tbs.WriteBitString(request.PublicKey.EncodedKeyValue.RawData);
            }

            if (request.CertificateExtensions.Count > 0)
            {
                using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 3)))
                using (tbs.PushSequence())
                {
                    foreach (var extension in request.CertificateExtensions)
                    {
                        using (tbs.PushSequence())
                        {
                            tbs.WriteObjectIdentifier(extension.Oid!.Value!);
                            if (extension.Critical)
                            {
                                tbs.WriteBoolean(true);
                            }

                            tbs.WriteOctetString(extension.RawData);
                        }
                    }
                }
            }
        }

        byte[] toBeSigned = tbs.Encode();
        var certificate = new AsnWriter(AsnEncodingRules.DER);
        using (certificate.PushSequence())
        {
            certificate.WriteEncodedValue(toBeSigned);
            certificate.WriteEncodedValue(signatureAlgorithm);
            certificate.WriteBitString(generator.SignData(toBeSigned, request.HashAlgorithm));
        }

        return new X509Certificate2(certificate.Encode());
    }

    // Whole seconds; 1950 through 2049 as UTCTime, other years as GeneralizedTime (RFC 5280, section 4.1.2.5).
    private static void WriteTime(AsnWriter writer, DateTimeOffset time)
    {
        var seconds = time.ToUniversalTime();
        seconds = seconds.AddTicks(-(seconds.Ticks % TimeSpan.TicksPerSecond));
        if (seconds.Year is >= 1950 and <= 2049)
        {
            writer.WriteUtcTime(seconds);
        }
        else
        {
            writer.WriteGeneralizedTime(seconds, omitFractionalSeconds: true);
        }
    }
#endif
}
