using System.Net;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Testing.Tests.Support;

namespace RolesAnywhere.Credentials.Testing.Tests;

/// <summary>Each way the service says no, over real HTTP, with the AWS-style error the client sees.</summary>
public sealed class RolesAnywhereEmulatorRejectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private SessionRequest Valid => fixture.Request(TestPki.EcLeaf, fixture.EcAnchorArn);

    [Fact]
    public async Task CreateSession_BodyChangedAfterSigning_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { TamperedBodyAfterSigning = "{\"durationSeconds\":3601}" });

    [Fact]
    public async Task CreateSession_ScopeNamesOtherRegion_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { Region = "us-east-1" });

    [Fact]
    public async Task CreateSession_RawEcdsaSignature_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { RawEcdsaSignature = true });

    [Fact]
    public async Task CreateSession_EmptyChainHeader_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { EmptyChainHeader = true });

    [Fact]
    public async Task CreateSession_CredentialNamesOtherSerial_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { CredentialSerialOverride = "12345" });

    [Fact]
    public async Task CreateSession_CredentialSerialInHex_InvalidSignature() =>
        await AssertInvalidSignatureAsync(Valid with { CredentialSerialOverride = TestPki.EcLeaf.SerialNumber });

    [Theory]
    [InlineData("AWS4-X509-RSA-SHA256")]
    [InlineData("AWS4-X509-ECDSA-SHA384")]
    public async Task CreateSession_AlgorithmNotMatchingKey_InvalidSignature(string algorithm) =>
        await AssertInvalidSignatureAsync(Valid with { AlgorithmOverride = algorithm });

    [Theory]
    [InlineData(5 * 60, true)]
    [InlineData(-5 * 60, true)]
    [InlineData(5 * 60 + 1, false)]
    [InlineData(-5 * 60 - 1, false)]
    public async Task CreateSession_ClockSkewAtBoundary_AcceptedWithinFiveMinutes(int skewSeconds, bool accepted)
    {
        var request = Valid with { SignedAt = fixture.Clock.GetUtcNow().AddSeconds(skewSeconds) };
        if (accepted)
        {
            using var response = await fixture.SendAsync(request);
            await ResponseAssert.CreatedAsync(response);
        }
        else
        {
            await AssertInvalidSignatureAsync(request);
            Assert.Contains("server clock", fixture.Emulator.Requests[^1].RejectionReason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreateSession_LeafFromUntrustedRoot_Untrusted()
    {
        using var leaf = TestPki.OtherRoot.IssueClientCertificate();
        await AssertUntrustedAsync(Valid with { Certificate = leaf }, "No chain");
    }

    [Fact]
    public async Task CreateSession_LeafOfOtherTrustAnchor_Untrusted() =>
        await AssertUntrustedAsync(Valid with { TrustAnchorArn = fixture.RsaAnchorArn }, "No chain");

    [Fact]
    public async Task CreateSession_IntermediateMissingFromChainHeader_Untrusted() =>
        await AssertUntrustedAsync(fixture.Request(TestPki.ChainedLeaf, fixture.RsaAnchorArn), "0 chain-header certificate(s)");

    [Fact]
    public async Task CreateSession_ExpiredLeaf_Untrusted()
    {
        var now = fixture.Clock.GetUtcNow();
        using var leaf = TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { NotBefore = now.AddDays(-2), NotAfter = now.AddMinutes(-1) });
        await AssertUntrustedAsync(Valid with { Certificate = leaf }, "expired");
    }

    [Fact]
    public async Task CreateSession_LeafNotYetValid_Untrusted()
    {
        var now = fixture.Clock.GetUtcNow();
        using var leaf = TestPki.EcRoot.IssueClientCertificate(new TestCertificateOptions { NotBefore = now.AddMinutes(10), NotAfter = now.AddDays(1) });
        await AssertUntrustedAsync(Valid with { Certificate = leaf }, "not valid before");
    }

    [Fact]
    public async Task CreateSession_RevokedLeaf_Untrusted()
    {
        using var leaf = TestPki.EcRoot.IssueClientCertificate();
        using (var before = await fixture.SendAsync(Valid with { Certificate = leaf }))
        {
            await ResponseAssert.CreatedAsync(before);
        }

        fixture.Emulator.RevokeSerialNumber(leaf.SerialNumber);

        await AssertUntrustedAsync(Valid with { Certificate = leaf }, "revoked");
    }

    [Fact]
    public async Task CreateSession_RevokedIntermediate_Untrusted()
    {
        using var issuing = TestPki.RsaRoot.CreateIntermediate();
        using var leaf = issuing.IssueClientCertificate();
        fixture.Emulator.Revoke(issuing.Certificate);

        await AssertUntrustedAsync(fixture.Request(leaf, fixture.RsaAnchorArn, [issuing.Certificate]), "revoked");
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43201)]
    public async Task CreateSession_DurationOutsideServiceRange_ValidationException(int seconds)
    {
        using var response = await fixture.SendAsync(Valid with { DurationSeconds = seconds });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "durationSeconds");
    }

    [Fact]
    public async Task CreateSession_DurationAboveProfileCap_ValidationException()
    {
        using var response = await fixture.SendAsync(Valid with { ProfileArn = fixture.NamedProfileArn, DurationSeconds = 3601 });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "exceeds the profile's session duration");
    }

    [Fact]
    public async Task CreateSession_RoleNotInProfile_AccessDenied()
    {
        using var response = await fixture.SendAsync(Valid with { RoleArn = fixture.OtherRoleArn });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "does not allow the role");
    }

    [Fact]
    public async Task CreateSession_SessionNameWhenProfileRefusesIt_AccessDenied()
    {
        using var response = await fixture.SendAsync(Valid with { RoleSessionName = "worker-1" });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Not authorized to set roleSessionName.");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x1234")]
    public async Task CreateSession_SessionNameBreaksIamRules_ValidationException(string name)
    {
        using var response = await fixture.SendAsync(Valid with { ProfileArn = fixture.NamedProfileArn, RoleSessionName = name });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "roleSessionName");
    }

    [Fact]
    public async Task CreateSession_UnknownTrustAnchor_ResourceNotFound()
    {
        var unknown = fixture.EcAnchorArn[..(fixture.EcAnchorArn.LastIndexOf('/') + 1)] + "00000000-0000-0000-0000-000000000000";
        using var response = await fixture.SendAsync(Valid with { TrustAnchorArn = unknown });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException", "Trust anchor");
    }

    [Fact]
    public async Task CreateSession_UnknownProfile_ResourceNotFound()
    {
        using var response = await fixture.SendAsync(Valid with { ProfileArn = fixture.ProfileArn + "x" });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException", "Profile");
    }

    [Fact]
    public async Task CreateSession_TrustAnchorArnOfOtherRegion_ValidationException()
    {
        using var response = await fixture.SendAsync(Valid with { TrustAnchorArn = fixture.EcAnchorArn.Replace("eu-west-1", "eu-west-2", StringComparison.Ordinal) });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "trustAnchorArn");
    }

    [Fact]
    public async Task CreateSession_ProfileArnMissing_ValidationException()
    {
        using var response = await fixture.SendAsync(Valid with { ProfileArn = string.Empty });
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "ValidationException", "'profileArn' failed to satisfy constraint");
    }

    private async Task AssertInvalidSignatureAsync(SessionRequest request)
    {
        var successes = fixture.Emulator.SuccessfulSessionCount;
        using var response = await fixture.SendAsync(request);
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Invalid signature");
        Assert.Equal(successes, fixture.Emulator.SuccessfulSessionCount);
    }

    private async Task AssertUntrustedAsync(SessionRequest request, string reason)
    {
        using var response = await fixture.SendAsync(request);
        await ResponseAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "AccessDeniedException", "Untrusted signing certificate");
        Assert.Contains(reason, fixture.Emulator.Requests[^1].RejectionReason, StringComparison.Ordinal);
    }
}
