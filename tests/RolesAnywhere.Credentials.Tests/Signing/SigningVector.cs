using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>One known-answer vector from tests/vectors, with its certificate, intermediates and key loaded.</summary>
internal sealed class SigningVector
{
    public static readonly TheoryData<string> All = new(
        "go-helper-v1.1.1/rsa2048-capture.json",
        "go-helper-v1.1.1/ecdsa-p384-capture.json",
        "botocore/rsa2048-chain-query.json",
        "botocore/rsa4096-body.json",
        "botocore/p256-query-session-name.json",
        "botocore/p384-fips.json");

    /// <summary>The vectors that give the canonical request and string to sign (the wire captures do not).</summary>
    public static readonly TheoryData<string> WithCanonicalRequest = new(
        "botocore/rsa2048-chain-query.json",
        "botocore/rsa4096-body.json",
        "botocore/p256-query-session-name.json",
        "botocore/p384-fips.json");

    private SigningVector(string name, JsonElement root)
    {
        string directory = System.IO.Path.GetDirectoryName(name)!;
        Name = name;
        Region = root.GetProperty("region").GetString()!;
        Body = Encoding.UTF8.GetBytes(root.GetProperty("body").GetString()!);
        (Path, Query) = SplitPathAndQuery(root.GetProperty("path_and_query").GetString()!);
        Headers = root.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        CanonicalRequest = root.TryGetProperty("canonical_request", out JsonElement canonical) ? canonical.GetString() : null;
        StringToSign = root.TryGetProperty("string_to_sign", out JsonElement sts) ? sts.GetString() : null;
        Deterministic = root.GetProperty("deterministic_signature").GetBoolean();
        Certificate = LoadCertificate(System.IO.Path.Combine(directory, root.GetProperty("certificate_file").GetString()!));
        Intermediates = root.TryGetProperty("intermediate_files", out JsonElement files)
            ? files.EnumerateArray().Select(f => LoadCertificate(System.IO.Path.Combine(directory, f.GetString()!))).ToArray()
            : [];
        PrivateKeyPem = TestVectors.ReadText(System.IO.Path.Combine(directory, root.GetProperty("private_key_file").GetString()!));
    }

    public string Name { get; }

    public string Region { get; }

    public byte[] Body { get; }

    public string Path { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string? CanonicalRequest { get; }

    public string? StringToSign { get; }

    public bool Deterministic { get; }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2[] Intermediates { get; }

    public string PrivateKeyPem { get; }

    public DateTimeOffset Timestamp => DateTimeOffset.ParseExact(Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The <c>Signature=</c> hex of the captured Authorization header, as bytes.</summary>
    public byte[] CapturedSignature => SignatureOf(Headers["Authorization"]);

    public static SigningVector Load(string name) =>
        new(name, JsonDocument.Parse(TestVectors.ReadText(name)).RootElement);

    public static byte[] SignatureOf(string authorization) =>
        Convert.FromHexString(authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..]);

    public AsymmetricSigningKey CreateKey()
    {
        if (Certificate.GetKeyAlgorithm() == "1.2.840.113549.1.1.1")
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(PrivateKeyPem);
            return new AsymmetricSigningKey(rsa);
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(PrivateKeyPem);
        return new AsymmetricSigningKey(ecdsa);
    }

    public SigningRequest CreateRequest() =>
        new(Headers["Host"], Path, Headers["Content-Type"], Body, Timestamp, Region, Query);

    /// <summary>Verifies a signature over <paramref name="data"/> with the certificate's public key (ECDSA signatures are DER).</summary>
    public bool Verify(byte[] data, byte[] signature)
    {
        using RSA? rsa = Certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using ECDsa ecdsa = Certificate.GetECDsaPublicKey()!;
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public override string ToString() => Name;

    // The go-helper .crt files carry 'openssl x509 -text' output before the PEM block; CreateFromPem skips it.
    private static X509Certificate2 LoadCertificate(string relative) => X509Certificate2.CreateFromPem(TestVectors.ReadText(relative));

    private static (string Path, IReadOnlyList<KeyValuePair<string, string>> Query) SplitPathAndQuery(string pathAndQuery)
    {
        int question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return (pathAndQuery, []);
        }

        KeyValuePair<string, string>[] query = pathAndQuery[(question + 1)..]
            .Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToArray();
        return (pathAndQuery[..question], query);
    }
}
