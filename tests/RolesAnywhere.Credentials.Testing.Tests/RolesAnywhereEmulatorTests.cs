using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests;

public sealed class RolesAnywhereEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task CreateSession_EcLeafArnsInQuery_Returns201WithServiceShape()
    {
        var before = fixture.Emulator.SuccessfulSessionCount;
        using var response = await fixture.SendAsync(fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn));

        var body = await ResponseAssert.CreatedAsync(response);
        var set = body.GetProperty("credentialSet");
        Assert.Equal(1, set.GetArrayLength());
        var entry = set[0];
        var credentials = entry.GetProperty("credentials");
        Assert.StartsWith("ASIA", credentials.GetProperty("accessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(20, credentials.GetProperty("accessKeyId").GetString()!.Length);
        Assert.Equal(40, credentials.GetProperty("secretAccessKey").GetString()!.Length);
        Assert.True(credentials.GetProperty("sessionToken").GetString()!.Length > 100);
        var expiration = DateTimeOffset.Parse(credentials.GetProperty("expiration").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(fixture.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), expiration.ToUnixTimeSeconds());
        Assert.EndsWith("Z", credentials.GetProperty("expiration").GetString(), StringComparison.Ordinal);
        var serialHex = TestPki.EcLeaf.SerialNumber.ToLowerInvariant();
        Assert.Equal($"arn:aws:sts::111122223333:assumed-role/app/{serialHex}", entry.GetProperty("assumedRoleUser").GetProperty("arn").GetString());
        Assert.StartsWith("AROA", entry.GetProperty("assumedRoleUser").GetProperty("assumedRoleId").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(":" + serialHex, entry.GetProperty("assumedRoleUser").GetProperty("assumedRoleId").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.RoleArn, entry.GetProperty("roleArn").GetString());
        Assert.Equal("CN=ec-client", entry.GetProperty("sourceIdentity").GetString());
        Assert.Equal(JsonValueKind.Number, entry.GetProperty("packedPolicySize").ValueKind);
        Assert.StartsWith("arn:aws:rolesanywhere:eu-west-1:111122223333:subject/", body.GetProperty("subjectArn").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, fixture.Emulator.SuccessfulSessionCount);
        Assert.False(string.IsNullOrEmpty(Assert.Single(response.Headers.GetValues("x-amzn-RequestId"))));
    }

    [Fact]
    public async Task CreateSession_ArnsInBodyWithSessionName_UsesSessionName()
    {
        using var response = await fixture.SendAsync(fixture.Request(TestPki.RsaLeaf, fixture.RsaAnchorArn) with
        {
            ProfileArn = fixture.NamedProfileArn, ArnsInBody = true, RoleSessionName = "build-agent@corp.example", DurationSeconds = 900,
        });

        var entry = (await ResponseAssert.CreatedAsync(response)).GetProperty("credentialSet")[0];
        Assert.Equal("arn:aws:sts::111122223333:assumed-role/app/build-agent@corp.example", entry.GetProperty("assumedRoleUser").GetProperty("arn").GetString());
        var recorded = fixture.Emulator.Requests.Last(r => r.IssuedAccessKeyId is not null);
        Assert.Equal(string.Empty, recorded.QueryString);
        Assert.Contains("roleSessionName", recorded.Body, StringComparison.Ordinal);
        Assert.Equal(201, recorded.StatusCode);
        Assert.Equal(entry.GetProperty("credentials").GetProperty("accessKeyId").GetString(), recorded.IssuedAccessKeyId);
    }

    [Fact]
    public async Task CreateSession_IntermediateInChainHeader_Returns201()
    {
        using var response = await fixture.SendAsync(fixture.Request(TestPki.ChainedLeaf, fixture.RsaAnchorArn, [TestPki.Issuing.Certificate]));

        await ResponseAssert.CreatedAsync(response);
        Assert.True(fixture.Emulator.Requests[^1].Headers.ContainsKey("X-Amz-X509-Chain"));
    }

    [Theory]
    [InlineData(TestKeyType.Rsa2048)]
    [InlineData(TestKeyType.EcdsaP256)]
    [InlineData(TestKeyType.EcdsaP384)]
    [InlineData(TestKeyType.EcdsaP521)]
    public async Task CreateSession_EveryKeyType_Returns201(TestKeyType keyType)
    {
        using var leaf = TestPki.Issuing.IssueClientCertificate(new TestCertificateOptions { KeyType = keyType });

        using var response = await fixture.SendAsync(fixture.Request(leaf, fixture.RsaAnchorArn, [TestPki.Issuing.Certificate]));

        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public async Task CreateSession_Rsa4096KeyFromVectors_Returns201()
    {
        // RSA-4096 generation takes seconds on a loaded 2-core machine: reuse the vectors' key.
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(RolesAnywhere.Credentials.TestSupport.TestVectors.ReadText("botocore/leaf-rsa4096.key"));
        using var publicOnly = TestPki.Issuing.IssueCertificate(rsa);
        using var leaf = publicOnly.CopyWithPrivateKey(rsa);

        using var response = await fixture.SendAsync(fixture.Request(leaf, fixture.RsaAnchorArn, [TestPki.Issuing.Certificate]));

        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public async Task CreateSession_HighBitSerial_DecimalStaysPositive()
    {
        using var leaf = TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { SerialNumber = [0x80, 0x01, 0x02, 0x03, 0xFF] });

        using var response = await fixture.SendAsync(fixture.Request(leaf, fixture.EcAnchorArn));

        await ResponseAssert.CreatedAsync(response);
        Assert.Contains("Credential=549772723199/", fixture.Emulator.Requests[^1].Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateSession_CertificateForPublicKeyOnly_SignedByHeldKey_Returns201()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        using var publicOnly = TestPki.EcRoot.IssueCertificate(key.ExportSubjectPublicKeyInfo());
        Assert.False(publicOnly.HasPrivateKey);
        using var withKey = publicOnly.CopyWithPrivateKey(key);

        using var response = await fixture.SendAsync(fixture.Request(withKey, fixture.EcAnchorArn));

        await ResponseAssert.CreatedAsync(response);
    }

    [Fact]
    public async Task CreateSession_ChunkedBody_Returns201()
    {
        using var message = fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn).Build();
        message.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Http.SendAsync(message, TestContext.Current.CancellationToken);

        await ResponseAssert.CreatedAsync(response);
        Assert.Equal("chunked", fixture.Emulator.Requests[^1].Headers["Transfer-Encoding"]);
    }

    [Fact]
    public async Task UnknownRoute_Returns404UnknownOperation()
    {
        using var response = await fixture.Http.GetAsync(new Uri(fixture.Emulator.Endpoint, "nothing"), TestContext.Current.CancellationToken);

        await ResponseAssert.ErrorAsync(response, HttpStatusCode.NotFound, "UnknownOperationException", "Unknown operation");
    }

    [Fact]
    public async Task Endpoint_IsLoopbackWithPort()
    {
        Assert.Equal("127.0.0.1", fixture.Emulator.Endpoint.Host);
        Assert.NotEqual(0, fixture.Emulator.Endpoint.Port);
        await Task.CompletedTask;
    }
}
