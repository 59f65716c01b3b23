using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>The signer's certificate-derived values, its header rules and its buffer contract.</summary>
public sealed class RolesAnywhereRequestSignerTests
{
    private static readonly DateTimeOffset Timestamp = new(2026, 11, 24, 1, 2, 3, TimeSpan.Zero);

    internal static SigningRequest CreateRequest(
        string host = "rolesanywhere.us-east-1.amazonaws.com",
        string path = "/sessions",
        string contentType = "application/json",
        string region = "us-east-1",
        IReadOnlyList<KeyValuePair<string, string>>? query = null) =>
        new(host, path, contentType, "{\"durationSeconds\":3600}"u8.ToArray(), Timestamp, region, query);

    [Fact]
    public void Constructor_NullCertificate_ThrowsArgumentNullException()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        Assert.Equal("certificate", Assert.Throws<ArgumentNullException>(() => new RolesAnywhereRequestSigner(null!, null, key)).ParamName);
    }

    [Fact]
    public void Constructor_NullKey_ThrowsArgumentNullException()
    {
        Assert.Equal("signingKey", Assert.Throws<ArgumentNullException>(() => new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, null!)).ParamName);
    }

    [Fact]
    public void Constructor_KeyOfAnotherFamily_ThrowsConfigurationException()
    {
        using AsymmetricSigningKey ecdsaKey = TestKeys.P256.CreateKey();

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new RolesAnywhereRequestSigner(TestKeys.Rsa2048.Certificate, null, ecdsaKey));

        Assert.Contains("does not belong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullIntermediate_ThrowsArgumentException()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        var error = Assert.Throws<ArgumentException>(() => new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, [null!], key));

        Assert.Equal("intermediates", error.ParamName);
    }

    [Fact]
    public void Constructor_Certificate_HeaderIsBase64OfDer()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);

        Assert.Equal(TestKeys.P256.Certificate.RawData, Convert.FromBase64String(signer.CertificateHeaderValue));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Constructor_NoIntermediates_ChainHeaderOmittedAndUnsigned(bool emptyList)
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, emptyList ? [] : null, key);

        Assert.Null(signer.CertificateChainHeaderValue);
        string canonical = signer.GetCanonicalRequest(CreateRequest());
        Assert.DoesNotContain("x-amz-x509-chain", canonical, StringComparison.Ordinal);
        Assert.EndsWith("\n\ncontent-type;host;x-amz-date;x-amz-x509\n" + BodyHash(), canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Intermediates_ChainIsCommaSeparatedAndSigned()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        X509Certificate2 first = TestKeys.Rsa2048.Certificate;
        X509Certificate2 second = TestKeys.P384.Certificate;

        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, [first, second], key);

        Assert.Equal($"{Convert.ToBase64String(first.RawData)},{Convert.ToBase64String(second.RawData)}", signer.CertificateChainHeaderValue);
        string canonical = signer.GetCanonicalRequest(CreateRequest());
        Assert.Contains($"\nx-amz-x509-chain:{signer.CertificateChainHeaderValue}\n\ncontent-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_IntermediatesHoldTheLeaf_LeafLeftOutOfTheChain()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        var onlyLeaf = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, [TestKeys.P256.Certificate], key);
        var leafAndOther = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, [TestKeys.P256.Certificate, TestKeys.P384.Certificate], key);

        Assert.Null(onlyLeaf.CertificateChainHeaderValue);
        Assert.Equal(Convert.ToBase64String(TestKeys.P384.Certificate.RawData), leafAndOther.CertificateChainHeaderValue);
    }

    [Theory]
    [InlineData(new byte[] { 0x01 }, "1")]
    [InlineData(new byte[] { 0x7F, 0xFF }, "32767")]
    [InlineData(new byte[] { 0x80 }, "128")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, "4294967295")]
    [InlineData(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0, 1 }, "2361183241434822606849")]
    public void Constructor_Serial_IsUnsignedDecimal(byte[] serial, string expected)
    {
        using X509Certificate2 certificate = TestKeys.P256.CreateCertificate(serial);
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        var signer = new RolesAnywhereRequestSigner(certificate, null, key);

        Assert.Equal(expected, signer.SerialNumber);
        Assert.StartsWith($"AWS4-X509-ECDSA-SHA256 Credential={expected}/20261124/us-east-1/", signer.CreateAuthorizationHeader(CreateRequest()), StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmName_CertificateSignedWithSha384_StillSha256()
    {
        // TestKeys' EC certificates are signed with ECDSA-SHA384; the request signature is SHA-256 regardless.
        using AsymmetricSigningKey p384 = TestKeys.P384.CreateKey();
        using AsymmetricSigningKey rsa = TestKeys.Rsa4096.CreateKey();

        Assert.Equal("AWS4-X509-ECDSA-SHA256", new RolesAnywhereRequestSigner(TestKeys.P384.Certificate, null, p384).AlgorithmName);
        Assert.Equal("AWS4-X509-RSA-SHA256", new RolesAnywhereRequestSigner(TestKeys.Rsa4096.Certificate, null, rsa).AlgorithmName);
    }

    [Fact]
    public void GetCanonicalRequest_AnyOs_LinesEndInLineFeedOnly()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, [TestKeys.P384.Certificate], key);

        string canonical = signer.GetCanonicalRequest(CreateRequest(query: [KeyValuePair.Create("a", "b")]));
        string stringToSign = signer.GetStringToSign(CreateRequest());

        Assert.DoesNotContain('\r', canonical);
        Assert.DoesNotContain('\r', stringToSign);
        Assert.Equal(
            ["POST", "/sessions", "a=b", "content-type:application/json", "host:rolesanywhere.us-east-1.amazonaws.com", "x-amz-date:20261124T010203Z"],
            canonical.Split('\n')[..6]);
        Assert.Equal(3, stringToSign.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("  application/json  ", "application/json")]
    [InlineData("application/json;   charset=utf-8", "application/json; charset=utf-8")]
    [InlineData("\tapplication/json;\t \tcharset=utf-8 ", "application/json; charset=utf-8")]
    public void GetCanonicalRequest_HeaderWhitespace_TrimmedAndCollapsed(string contentType, string expected)
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);

        string canonical = signer.GetCanonicalRequest(CreateRequest(contentType: contentType));

        Assert.Contains($"\ncontent-type:{expected}\nhost:", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCanonicalRequest_HostWithPort_SignedWithPort()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);

        string canonical = signer.GetCanonicalRequest(CreateRequest(host: "127.0.0.1:8443"));

        Assert.Contains("\nhost:127.0.0.1:8443\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void GetStringToSign_Request_HasScopeWithPlainRegion()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);
        SigningRequest request = CreateRequest(host: "rolesanywhere-fips.us-gov-west-1.amazonaws.com", region: "us-gov-west-1");

        string[] lines = signer.GetStringToSign(request).Split('\n');

        Assert.Equal("AWS4-X509-ECDSA-SHA256", lines[0]);
        Assert.Equal("20261124T010203Z", lines[1]);
        Assert.Equal("20261124/us-gov-west-1/rolesanywhere/aws4_request", lines[2]);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(signer.GetCanonicalRequest(request)))).ToLowerInvariant(), lines[3]);
    }

    [Fact]
    public void TryCreateAuthorizationHeader_DestinationOneCharTooSmall_ReturnsFalse()
    {
        using AsymmetricSigningKey key = TestKeys.Rsa2048.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.Rsa2048.Certificate, null, key);
        int length = signer.CreateAuthorizationHeader(CreateRequest()).Length;
        char[] destination = new char[length];

        Assert.False(signer.TryCreateAuthorizationHeader(CreateRequest(), destination.AsSpan(0, length - 1), out int tooSmall));
        Assert.Equal(0, tooSmall);
        Assert.True(signer.TryCreateAuthorizationHeader(CreateRequest(), destination, out int written));
        Assert.Equal(length, written);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void TryCreateAuthorizationHeader_TinyDestination_ReturnsFalse(int size)
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);

        Assert.False(signer.TryCreateAuthorizationHeader(CreateRequest(), new char[size], out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void MaxAuthorizationHeaderLength_LongestRegionAndSignature_IsEnough()
    {
        using AsymmetricSigningKey key = TestKeys.P521.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P521.Certificate, null, key);
        SigningRequest request = CreateRequest(region: new string('a', 64));

        for (int i = 0; i < 20; i++)
        {
            Assert.True(signer.TryCreateAuthorizationHeader(request, new char[signer.MaxAuthorizationHeaderLength], out int written));
            Assert.InRange(written, 1, signer.MaxAuthorizationHeaderLength);
        }
    }

    [Fact]
    public void CreateAuthorizationHeader_EcdsaKey_SignatureIsDerAndVerifies()
    {
        using AsymmetricSigningKey key = TestKeys.P384.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P384.Certificate, null, key);
        SigningRequest request = CreateRequest();

        byte[] signature = SigningVector.SignatureOf(signer.CreateAuthorizationHeader(request));

        using ECDsa publicKey = TestKeys.P384.Certificate.GetECDsaPublicKey()!;
        Assert.Equal(0x30, signature[0]);
        Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes(signer.GetStringToSign(request)), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task CreateAuthorizationHeaderAsync_CanceledToken_ThrowsOperationCanceledException()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await signer.CreateAuthorizationHeaderAsync(CreateRequest(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task CreateAuthorizationHeaderAsync_SameRequest_SameAsSyncForRsa()
    {
        using AsymmetricSigningKey key = TestKeys.Rsa2048.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.Rsa2048.Certificate, [TestKeys.P256.Certificate], key);
        SigningRequest request = CreateRequest(query: [KeyValuePair.Create("roleArn", "arn:aws:iam::1:role/r")]);

        Assert.Equal(signer.CreateAuthorizationHeader(request), await signer.CreateAuthorizationHeaderAsync(request, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void GetCanonicalRequest_BodyChangesBetweenCalls_HashFollowsTheBody()
    {
        // The signer remembers the last body's digest: a changed body (same length, or beyond the
        // remembered size) must never reuse it.
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();
        var signer = new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key);
        byte[] first = "{\"durationSeconds\":3600}"u8.ToArray();
        byte[] second = "{\"durationSeconds\":7200}"u8.ToArray();
        byte[] large = Encoding.UTF8.GetBytes("{\"x\":\"" + new string('y', 5000) + "\"}");

        foreach (byte[] body in new[] { first, second, first, large, large, second })
        {
            var request = new SigningRequest("h", "/sessions", "application/json", body, Timestamp, "us-east-1");
            Assert.EndsWith("\n" + Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), signer.GetCanonicalRequest(request), StringComparison.Ordinal);
        }

        byte[] mutable = [.. first];
        var before = new SigningRequest("h", "/sessions", "application/json", mutable, Timestamp, "us-east-1");
        _ = signer.GetCanonicalRequest(before);
        mutable[^2] = (byte)'1';
        Assert.EndsWith("\n" + Convert.ToHexString(SHA256.HashData(mutable)).ToLowerInvariant(), signer.GetCanonicalRequest(before), StringComparison.Ordinal);
    }

    private static string BodyHash() => Convert.ToHexString(SHA256.HashData("{\"durationSeconds\":3600}"u8)).ToLowerInvariant();
}
