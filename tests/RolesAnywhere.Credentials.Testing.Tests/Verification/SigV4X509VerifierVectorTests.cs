using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Testing.Tests.Support;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Tests.Verification;

/// <summary>The verifier (without HTTP) against every shared vector: accepted as captured, refused after a one-byte change.</summary>
public sealed class SigV4X509VerifierVectorTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static TheoryData<string, string> Vectors => CapturedVector.All;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_CapturedRequest_SignatureAndTrustAccepted(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);

        using var verified = SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt, Skew);

        if (vector.CanonicalRequest is not null)
        {
            Assert.Equal(vector.CanonicalRequest, verified.CanonicalRequest);
        }

        TrustValidator.Validate(verified.Leaf, verified.Chain, vector.Anchor, vector.TrustTime(), _ => false);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_OneBodyByteChanged_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);
        var body = vector.Body.Replace("0", "1", StringComparison.Ordinal);
        Assert.NotEqual(vector.Body, body);

        AssertInvalidSignature(vector, vector.ToSignedRequest(body: body));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_OneSignedHeaderByteChanged_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);

        AssertInvalidSignature(vector, vector.ToSignedRequest((name, value) => name == "Content-Type" ? "application/jsoN" : value));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_OneSignatureDigitChanged_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);

        AssertInvalidSignature(vector, vector.ToSignedRequest((name, value) =>
            name == "Authorization" ? value[..^1] + (value[^1] == '0' ? '1' : '0') : value));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_OtherRegion_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);

        var rejection = Assert.Throws<RequestRejectedException>(() => SigV4X509Verifier.Verify(vector.ToSignedRequest(), "ca-central-1", vector.SignedAt, Skew));

        Assert.Equal(RequestRejectedException.InvalidSignature, rejection.ServiceMessage);
        Assert.Contains("region", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_ClockMoreThanFiveMinutesAway_InvalidSignature(string file, string anchor)
    {
        var vector = CapturedVector.Load(file, anchor);

        using (SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt.AddMinutes(5), Skew))
        using (SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt.AddMinutes(-5), Skew))
        {
        }

        Assert.Throws<RequestRejectedException>(() => SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt.AddMinutes(5).AddSeconds(1), Skew));
        Assert.Throws<RequestRejectedException>(() => SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt.AddMinutes(-5).AddSeconds(-1), Skew));
    }

    [Fact]
    public void Validate_BotocoreChainVectorAtItsSigningTime_NotYetValid()
    {
        // The vector was signed at 01:02:03, eight minutes before its certificates' notBefore (01:10:02).
        var vector = CapturedVector.Load("botocore/rsa2048-chain-query.json", "botocore/root-rsa.pem");
        using var verified = SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt, Skew);

        var rejection = Assert.Throws<RequestRejectedException>(() =>
            TrustValidator.Validate(verified.Leaf, verified.Chain, vector.Anchor, vector.SignedAt, _ => false));

        Assert.Contains("not valid before", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChainVectorWithoutItsIntermediate_Untrusted()
    {
        var vector = CapturedVector.Load("botocore/rsa2048-chain-query.json", "botocore/root-rsa.pem");
        using var verified = SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt, Skew);

        var rejection = Assert.Throws<RequestRejectedException>(() =>
            TrustValidator.Validate(verified.Leaf, [], vector.Anchor, vector.TrustTime(), _ => false));

        Assert.Equal(RequestRejectedException.UntrustedCertificate, rejection.ServiceMessage);
    }

    [Fact]
    public void Validate_VectorAgainstOtherAnchor_Untrusted()
    {
        var vector = CapturedVector.Load("go-helper-v1.1.1/rsa2048-capture.json", "go-helper-v1.1.1/root-ca-ecc.crt");
        using var verified = SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt, Skew);

        var rejection = Assert.Throws<RequestRejectedException>(() =>
            TrustValidator.Validate(verified.Leaf, verified.Chain, vector.Anchor, vector.TrustTime(), _ => false));

        Assert.Equal(RequestRejectedException.UntrustedCertificate, rejection.ServiceMessage);
    }

    [Fact]
    public void Validate_VectorLeafRevoked_Untrusted()
    {
        var vector = CapturedVector.Load("go-helper-v1.1.1/rsa2048-capture.json", "go-helper-v1.1.1/root-ca.crt");
        using var verified = SigV4X509Verifier.Verify(vector.ToSignedRequest(), vector.Region, vector.SignedAt, Skew);

        var rejection = Assert.Throws<RequestRejectedException>(() =>
            TrustValidator.Validate(verified.Leaf, verified.Chain, vector.Anchor, vector.TrustTime(), serial => serial == CertificateSerialNumber.Parse("decimal:21")));

        Assert.Contains("revoked", rejection.Message, StringComparison.Ordinal);
    }

    private static void AssertInvalidSignature(CapturedVector vector, SignedRequest tampered)
    {
        var rejection = Assert.Throws<RequestRejectedException>(() => SigV4X509Verifier.Verify(tampered, vector.Region, vector.SignedAt, Skew));
        Assert.Equal(RequestRejectedException.InvalidSignature, rejection.ServiceMessage);
        Assert.Equal("AccessDeniedException", rejection.ErrorType);
        Assert.Equal(403, rejection.StatusCode);
    }
}
