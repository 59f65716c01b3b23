using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// Whether a certificate carries a given public key: algorithm, parameters and key bits compared as decoded, never by
/// re-encoding the certificate's key. Before .NET 10, <c>PublicKey.ExportSubjectPublicKeyInfo</c> fails with "ASN1
/// corrupted data" for a key whose parameters are absent, as ML-DSA's are (dotnet/runtime#110715), and the net8.0 build
/// of this library runs there.
/// </summary>
internal static class CertificatePublicKey
{
    /// <summary>Returns whether <paramref name="certificate"/>'s public key is the one in <paramref name="subjectPublicKeyInfo"/> (DER).</summary>
    public static bool Matches(X509Certificate2 certificate, byte[] subjectPublicKeyInfo)
    {
        var expected = PublicKey.CreateFromSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        var actual = certificate.PublicKey;
        return actual.Oid.Value == expected.Oid.Value
            && actual.EncodedKeyValue.RawData.AsSpan().SequenceEqual(expected.EncodedKeyValue.RawData)
            && (actual.EncodedParameters?.RawData ?? []).AsSpan().SequenceEqual(expected.EncodedParameters?.RawData ?? []);
    }
}
