using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// Verifies ML-DSA signatures with a certificate's public key through BouncyCastle, for tests: pure ML-DSA with an
/// empty context, the form <c>AWS4-X509-MLDSA</c> uses. Independent of the key under test (it reads only the certificate).
/// </summary>
internal static class MLDsaVerification
{
    public static bool IsMLDsa(X509Certificate2 certificate) =>
        certificate.GetKeyAlgorithm() is "2.16.840.1.101.3.4.3.17" or "2.16.840.1.101.3.4.3.18" or "2.16.840.1.101.3.4.3.19";

    /// <summary>Gets the signature length of the certificate's parameter set (2420, 3309 or 4627 bytes).</summary>
    public static int SignatureSize(X509Certificate2 certificate) => certificate.GetKeyAlgorithm() switch
    {
        "2.16.840.1.101.3.4.3.17" => 2420,
        "2.16.840.1.101.3.4.3.18" => 3309,
        _ => 4627,
    };

    /// <summary>
    /// Gets the certificate's DER SubjectPublicKeyInfo, read from the certificate itself: .NET before 10 cannot re-encode
    /// a public key whose parameters are absent, as ML-DSA's are (<c>PublicKey.ExportSubjectPublicKeyInfo</c> fails
    /// there, dotnet/runtime#110715).
    /// </summary>
    public static byte[] SubjectPublicKeyInfo(X509Certificate2 certificate)
    {
        // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo (RFC 5280).
        var tbs = new AsnReader(certificate.RawData, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            tbs.ReadEncodedValue();
        }

        for (int field = 0; field < 5; field++)
        {
            tbs.ReadEncodedValue();
        }

        return tbs.ReadEncodedValue().ToArray();
    }

    public static bool Verify(X509Certificate2 certificate, byte[] data, byte[] signature)
    {
        var key = (MLDsaPublicKeyParameters)PublicKeyFactory.CreateKey(SubjectPublicKeyInfo(certificate));
        var verifier = new MLDsaSigner(key.Parameters, deterministic: false);
        verifier.Init(forSigning: false, key);
        verifier.BlockUpdate(data, 0, data.Length);
        return verifier.VerifySignature(signature);
    }
}
