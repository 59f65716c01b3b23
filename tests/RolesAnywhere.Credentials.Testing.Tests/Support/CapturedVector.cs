using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Testing.Verification;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

/// <summary>One shared known-answer vector (tests/vectors): the captured request and the CA that should trust it.</summary>
internal sealed class CapturedVector
{
    /// <summary>Every request vector with the CA certificate that anchors it.</summary>
    public static readonly TheoryData<string, string> All = new()
    {
        { "go-helper-v1.1.1/rsa2048-capture.json", "go-helper-v1.1.1/root-ca.crt" },
        { "go-helper-v1.1.1/ecdsa-p384-capture.json", "go-helper-v1.1.1/root-ca-ecc.crt" },
        { "botocore/rsa2048-chain-query.json", "botocore/root-rsa.pem" },
        { "botocore/rsa4096-body.json", "botocore/root-rsa.pem" },
        { "botocore/p256-query-session-name.json", "botocore/root-ec.pem" },
        { "botocore/p384-fips.json", "botocore/root-ec.pem" },
        { "mldsa/mldsa44-request.json", "mldsa/mldsa44-root.pem" },
        { "mldsa/mldsa65-request.json", "mldsa/mldsa65-root.pem" },
        { "mldsa/mldsa87-request.json", "mldsa/mldsa87-root.pem" },
    };

    private CapturedVector(string file, JsonElement json, string anchorFile)
    {
        File = file;
        Region = json.GetProperty("region").GetString()!;
        PathAndQuery = json.GetProperty("path_and_query").GetString()!;
        Body = json.GetProperty("body").GetString()!;
        Headers = json.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();
        CanonicalRequest = json.TryGetProperty("canonical_request", out var canonical) ? canonical.GetString() : null;
        Anchor = LoadCertificate(anchorFile);
    }

    public string File { get; }

    public string Region { get; }

    public string PathAndQuery { get; }

    public string Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; }

    public string? CanonicalRequest { get; }

    public X509Certificate2 Anchor { get; }

    public string Header(string name) => Headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public DateTimeOffset SignedAt => DateTimeOffset.ParseExact(Header("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// The earliest time at which the request is both signed and its leaf valid. One botocore vector was signed
    /// eight minutes before its certificates' notBefore; the service would refuse it at its signing time.
    /// </summary>
    public DateTimeOffset TrustTime()
    {
        using var leaf = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Header("X-Amz-X509")));
        var notBefore = new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero).AddSeconds(1);
        return notBefore > SignedAt ? notBefore : SignedAt;
    }

    /// <summary>The ARN parameters, from the query string or the JSON body.</summary>
    public string Arn(string name)
    {
        var question = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var part in PathAndQuery[(question + 1)..].Split('&'))
            {
                var pair = part.Split('=', 2);
                if (pair[0] == name)
                {
                    return Uri.UnescapeDataString(pair[1]);
                }
            }
        }

        using var body = JsonDocument.Parse(Body);
        return body.RootElement.GetProperty(name).GetString()!;
    }

    public static CapturedVector Load(string file, string anchorFile)
    {
        using var json = JsonDocument.Parse(TestVectors.ReadText(file));
        return new CapturedVector(file, json.RootElement.Clone(), anchorFile);
    }

    public SignedRequest ToSignedRequest(Func<string, string, string>? headerEdit = null, string? body = null)
    {
        var question = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var headers = Headers.Select(h => new KeyValuePair<string, string>(h.Key, headerEdit?.Invoke(h.Key, h.Value) ?? h.Value)).ToList();
        return new SignedRequest(
            "POST",
            question < 0 ? PathAndQuery : PathAndQuery[..question],
            question < 0 ? string.Empty : PathAndQuery[question..],
            headers,
            Encoding.UTF8.GetBytes(body ?? Body));
    }

    private static X509Certificate2 LoadCertificate(string file) => X509Certificate2.CreateFromPem(TestVectors.ReadText(file));

    public override string ToString() => File;
}
