using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>A PKCS#10 certificate signing request made for a renewal, in the forms issuers take.</summary>
public sealed class CertificateSigningRequest
{
    internal CertificateSigningRequest(byte[] der, string pem, X500DistinguishedName subject, IReadOnlyList<string> subjectAlternativeNames)
    {
        Der = der;
        Pem = pem;
        Subject = subject;
        SubjectAlternativeNames = subjectAlternativeNames;
    }

    /// <summary>Gets the request as DER bytes.</summary>
    public ReadOnlyMemory<byte> Der { get; }

    /// <summary>Gets the request as PEM text (<c>-----BEGIN CERTIFICATE REQUEST-----</c>).</summary>
    public string Pem { get; }

    /// <summary>Gets the subject requested (that of the current certificate).</summary>
    public X500DistinguishedName Subject { get; }

    /// <summary>Gets the subject alternative names requested, as <c>DNS:name</c>, <c>IP:address</c>, <c>URI:uri</c>, <c>email:address</c>.</summary>
    public IReadOnlyList<string> SubjectAlternativeNames { get; }
}
