using Amazon;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Benchmarks.Signing;

/// <summary>
/// Question 2: our CreateSession signing without the private-key operation (a fixed 256-byte signature)
/// versus the AWS SDK's own SigV4 signer, <c>AWS4Signer.SignRequest</c>, on a request of the same shape:
/// same headers, the same ~1 KB certificate header, the same body. Target: at least 3x faster, 0 B.
/// </summary>
[MemoryDiagnoser]
public class SignerVersusAwsSdkBenchmarks
{
    private readonly AWS4Signer _awsSigner = new();
    private readonly char[] _authorization = new char[1024];
    private readonly char[] _amzDate = new char[RolesAnywhereRequestSigner.AmzDateLength];
    private AmazonSecurityTokenServiceConfig _awsConfig = null!;
    private DefaultRequest _awsRequest = null!;
    private RolesAnywhereRequestSigner _signer = null!;
    private SigningRequest _request;

    [GlobalSetup]
    public void Setup()
    {
        (var certificate, var key) = BenchmarkRequests.CreateIdentity(rsa: true);
        key.Dispose();
        _signer = new RolesAnywhereRequestSigner(certificate, null, new FixedSignatureKey());
        _request = BenchmarkRequests.Create(arnsInQuery: false);

        _awsConfig = new AmazonSecurityTokenServiceConfig
        {
            RegionEndpoint = RegionEndpoint.USEast1,
            AuthenticationRegion = BenchmarkRequests.Region,
            AuthenticationServiceName = "rolesanywhere",
        };
        _awsRequest = new DefaultRequest(new GetCallerIdentityRequest(), "rolesanywhere")
        {
            HttpMethod = "POST",
            Endpoint = new Uri("https://" + BenchmarkRequests.Host),
            ResourcePath = BenchmarkRequests.Path,
            Content = BenchmarkRequests.Body,
        };
        _awsRequest.Headers["Content-Type"] = BenchmarkRequests.ContentType;
        _awsRequest.Headers[RolesAnywhereRequestSigner.CertificateHeaderName] = _signer.CertificateHeaderValue;
    }

    [Benchmark(Baseline = true, Description = "AWS SDK AWS4Signer.SignRequest")]
    public string AwsSdkSignRequest()
    {
        _awsRequest.Headers.Remove("Authorization");
        return _awsSigner.SignRequest(_awsRequest, _awsConfig, null, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", BenchmarkRequests.Timestamp.UtcDateTime).ForAuthorizationHeader;
    }

    [Benchmark(Description = "TryCreateAuthorizationHeader (Span)")]
    public int TryCreateAuthorizationHeader()
    {
        _ = RolesAnywhereRequestSigner.TryFormatAmzDate(_request.Timestamp, _amzDate, out _);
        _ = _signer.TryCreateAuthorizationHeader(_request, _authorization, out int written);
        return written;
    }

    [Benchmark(Description = "CreateAuthorizationHeader (string)")]
    public string CreateAuthorizationHeader() => _signer.CreateAuthorizationHeader(_request);
}
