using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>The CreateSession request every signer benchmark signs: the shape the credentials client sends.</summary>
internal static class BenchmarkRequests
{
    public const string Host = "rolesanywhere.us-east-1.amazonaws.com";
    public const string Region = "us-east-1";
    public const string ContentType = "application/json";
    public const string Path = "/sessions";

    public static readonly DateTimeOffset Timestamp = new(2026, 11, 24, 1, 2, 3, TimeSpan.Zero);

    /// <summary>The ARNs and duration in the JSON body, as the credentials client and the Python package send them.</summary>
    public static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"durationSeconds\":3600,"
        + "\"profileArn\":\"arn:aws:rolesanywhere:us-east-1:111122223333:profile/0f1e2d3c-aaaa-bbbb-cccc-000000000001\","
        + "\"roleArn\":\"arn:aws:iam::111122223333:role/onprem/s3-read-only\","
        + "\"trustAnchorArn\":\"arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0f1e2d3c-aaaa-bbbb-cccc-000000000002\"}");

    /// <summary>The same ARNs as query parameters, as the Go helper sends them.</summary>
    public static readonly KeyValuePair<string, string>[] QueryArns =
    [
        KeyValuePair.Create("profileArn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/0f1e2d3c-aaaa-bbbb-cccc-000000000001"),
        KeyValuePair.Create("roleArn", "arn:aws:iam::111122223333:role/onprem/s3-read-only"),
        KeyValuePair.Create("trustAnchorArn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0f1e2d3c-aaaa-bbbb-cccc-000000000002"),
    ];

    public static SigningRequest Create(bool arnsInQuery) =>
        new(Host, Path, ContentType, Body, Timestamp, Region, arnsInQuery ? QueryArns : null);

    /// <summary>Creates an RSA-2048 or P-256 leaf certificate (about 1 KB of base64 in <c>X-Amz-X509</c>) and its key.</summary>
    public static (X509Certificate2 Certificate, AsymmetricAlgorithm Key) CreateIdentity(bool rsa)
    {
        AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName("CN=workload-01.data-platform.example.com, OU=Data Platform, O=Example Corp, C=US");
        CertificateRequest request = key is RSA r
            ? new CertificateRequest(subject, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using X509Certificate2 selfSigned = request.CreateSelfSigned(Timestamp.AddDays(-1), Timestamp.AddYears(1));
        return (X509CertificateLoader.LoadCertificate(selfSigned.RawData), key);
    }
}
