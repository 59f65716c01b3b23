using System.Globalization;
using System.Net.Http.Headers;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

/// <summary>
/// A test-only SigV4-X509 signer for CreateSession, written for these tests independently of both the product
/// signer and the emulator's verifier. Each property is a knob a rejection test can turn.
/// </summary>
internal sealed record SessionRequest
{
    public required Uri Endpoint { get; init; }

    public required X509Certificate2 Certificate { get; init; }

    public IReadOnlyList<X509Certificate2> Chain { get; init; } = [];

    public required string Region { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    public required string TrustAnchorArn { get; init; }

    public required string ProfileArn { get; init; }

    public required string RoleArn { get; init; }

    public bool ArnsInBody { get; init; }

    public int? DurationSeconds { get; init; } = 3600;

    public string? RoleSessionName { get; init; }

    // Knobs for rejection tests.
    public bool RawEcdsaSignature { get; init; }

    public bool EmptyChainHeader { get; init; }

    public string? CredentialSerialOverride { get; init; }

    public string? AlgorithmOverride { get; init; }

    public string? TamperedBodyAfterSigning { get; init; }

    public string Body()
    {
        var parts = new List<string>();
        if (DurationSeconds is { } duration)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"\"durationSeconds\":{duration}"));
        }

        if (ArnsInBody)
        {
            parts.Add($"\"profileArn\":\"{ProfileArn}\"");
            parts.Add($"\"roleArn\":\"{RoleArn}\"");
            parts.Add($"\"trustAnchorArn\":\"{TrustAnchorArn}\"");
        }

        if (RoleSessionName is not null)
        {
            parts.Add($"\"roleSessionName\":\"{RoleSessionName}\"");
        }

        return "{" + string.Join(',', parts) + "}";
    }

    public HttpRequestMessage Build()
    {
        var body = Body();
        var query = ArnsInBody
            ? string.Empty
            : $"profileArn={Uri.EscapeDataString(ProfileArn)}&roleArn={Uri.EscapeDataString(RoleArn)}&trustAnchorArn={Uri.EscapeDataString(TrustAnchorArn)}";
        var host = Endpoint.IsDefaultPort ? Endpoint.Host : $"{Endpoint.Host}:{Endpoint.Port}";
        var amzDate = SignedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/json",
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-x509"] = Convert.ToBase64String(Certificate.RawData),
        };
        if (Chain.Count > 0 || EmptyChainHeader)
        {
            headers["x-amz-x509-chain"] = EmptyChainHeader ? string.Empty : string.Join(',', Chain.Select(c => Convert.ToBase64String(c.RawData)));
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append("POST\n/sessions\n").Append(query).Append('\n')
            .Append(string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))))
            .ToString();
        using var rsa = Certificate.GetRSAPrivateKey();
        using var ecdsa = Certificate.GetECDsaPrivateKey();
        var algorithm = AlgorithmOverride ?? (rsa is not null ? "AWS4-X509-RSA-SHA256" : "AWS4-X509-ECDSA-SHA256");
        var scope = $"{amzDate[..8]}/{Region}/rolesanywhere/aws4_request";
        var stringToSign = $"{algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var data = Encoding.UTF8.GetBytes(stringToSign);
        var signature = rsa is not null
            ? rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : ecdsa!.SignData(data, HashAlgorithmName.SHA256, RawEcdsaSignature ? DSASignatureFormat.IeeeP1363FixedFieldConcatenation : DSASignatureFormat.Rfc3279DerSequence);
        var serial = CredentialSerialOverride
            ?? new BigInteger(Certificate.GetSerialNumber(), isUnsigned: true).ToString(CultureInfo.InvariantCulture);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, "sessions" + (query.Length > 0 ? "?" + query : string.Empty)));
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(TamperedBodyAfterSigning ?? body));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        message.Headers.TryAddWithoutValidation("X-Amz-X509", headers["x-amz-x509"]);
        if (headers.TryGetValue("x-amz-x509-chain", out var chain))
        {
            message.Headers.TryAddWithoutValidation("X-Amz-X509-Chain", chain);
        }

        message.Headers.TryAddWithoutValidation("Authorization",
            $"{algorithm} Credential={serial}/{scope}, SignedHeaders={signedHeaders}, Signature={Hex(signature)}");
        return message;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
