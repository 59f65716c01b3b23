using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials;

namespace RolesAnywhere.Credentials.Benchmarks;

/// <summary>
/// What an AWS SDK call pays for our credentials once they are cached: <c>GetCredentials()</c> on a
/// fresh session, against the SDK's own static session credentials (the floor for any provider).
/// </summary>
[MemoryDiagnoser]
public class CachedCredentialsBenchmarks
{
    private SessionAWSCredentials _static = null!;
    private RolesAnywhereAWSCredentials _rolesAnywhere = null!;
    private ECDsa _key = null!;
    private X509Certificate2 _certificate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _static = new SessionAWSCredentials("ASIAEXAMPLE", "secret", "token");
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=benchmark", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _rolesAnywhere = new RolesAnywhereAWSCredentials(new RolesAnywhereOptions
        {
            TrustAnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
            ProfileArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
            RoleArn = "arn:aws:iam::111122223333:role/app",
            Certificate = _certificate,
            HttpMessageHandler = new CannedCreateSessionHandler(),
        });
        _rolesAnywhere.GetCredentials();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rolesAnywhere.Dispose();
        _certificate.Dispose();
        _key.Dispose();
    }

    [Benchmark(Baseline = true)]
    public ImmutableCredentials StaticSessionCredentials() => _static.GetCredentials();

    [Benchmark]
    public ImmutableCredentials RolesAnywhereCached() => _rolesAnywhere.GetCredentials();

    /// <summary>Answers CreateSession with a fixed 201 so the setup needs no network; only the setup calls it.</summary>
    private sealed class CannedCreateSessionHandler : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var expiration = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var body = $$"""{"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::111122223333:assumed-role/app/s","assumedRoleId":"AROA:s"},"credentials":{"accessKeyId":"ASIABENCH","secretAccessKey":"secret","sessionToken":"token","expiration":"{{expiration}}"},"roleArn":"arn:aws:iam::111122223333:role/app"}]}""";
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
