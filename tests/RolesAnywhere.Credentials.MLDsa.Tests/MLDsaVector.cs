using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>One parameter set's vectors in tests/vectors/mldsa (made by Python cryptography and botocore; see the README there).</summary>
internal sealed class MLDsaVector
{
    public static readonly TheoryData<int> ParameterSets = new(44, 65, 87);

    private MLDsaVector(int bits)
    {
        Bits = bits;
        var json = JsonDocument.Parse(TestVectors.ReadText($"mldsa/mldsa{bits}-request.json")).RootElement;
        Region = json.GetProperty("region").GetString()!;
        Headers = json.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        Body = Encoding.UTF8.GetBytes(json.GetProperty("body").GetString()!);
        var pathAndQuery = json.GetProperty("path_and_query").GetString()!.Split('?', 2);
        Path = pathAndQuery[0];
        Query = pathAndQuery[1].Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p[1]))).ToArray();
        CanonicalRequest = json.GetProperty("canonical_request").GetString()!;
        StringToSign = json.GetProperty("string_to_sign").GetString()!;
        Certificate = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-leaf.pem"));
        Root = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/mldsa{bits}-root.pem"));
    }

    public int Bits { get; }

    public string Region { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public byte[] Body { get; }

    public string Path { get; }

    public KeyValuePair<string, string>[] Query { get; }

    public string CanonicalRequest { get; }

    public string StringToSign { get; }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2 Root { get; }

    public string CertificatePath => TestVectors.PathOf($"mldsa/mldsa{Bits}-leaf.pem");

    public string KeyPath => TestVectors.PathOf($"mldsa/mldsa{Bits}-leaf.key");

    public string RootPath => TestVectors.PathOf($"mldsa/mldsa{Bits}-root.pem");

    public MLDsaParameterSet ParameterSet => MLDsaParameterSet.FromOid(Certificate.GetKeyAlgorithm())!;

    /// <summary>The signature Python made over <see cref="StringToSign"/> (hedged: it differs on every run of the generator).</summary>
    public byte[] PythonSignature => Convert.FromHexString(Headers["Authorization"][(Headers["Authorization"].IndexOf("Signature=", StringComparison.Ordinal) + 10)..]);

    public DateTimeOffset Timestamp => DateTimeOffset.ParseExact(Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static MLDsaVector Load(int bits) => new(bits);

    /// <summary>Reads a PKCS#8 PEM file through the library's own key loader and returns its signing key.</summary>
    public static ISigningKey ImportKey(string path)
    {
        string pem = File.ReadAllText(path);
        var fields = System.Security.Cryptography.PemEncoding.Find(pem);
        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        var parameterSet = MLDsaParameterSet.FromOid(PrivateKeyImporter.ReadPkcs8Algorithm(der))!;
        using var key = MLDsaPrivateKey.Import(parameterSet, der, new MaterialSource("PrivateKeyPath", path, "PrivateKeyPassword"));
        return key.TakeSigningKey();
    }

    public ISigningKey CreateKey() => ImportKey(KeyPath);

    public SigningRequest CreateRequest() => new(Headers["Host"], Path, Headers["Content-Type"], Body, Timestamp, Region, Query);

    public override string ToString() => $"ML-DSA-{Bits}";
}
