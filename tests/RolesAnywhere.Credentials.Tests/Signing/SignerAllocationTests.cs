using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>
/// CI guard for the hot path: <see cref="RolesAnywhereRequestSigner.TryCreateAuthorizationHeader"/> allocates
/// nothing, measured deterministically with the current thread's allocation counter (not a timing).
/// </summary>
public sealed class SignerAllocationTests
{
    private const int WarmUpCalls = 50;
    private const int MeasuredCalls = 500;

    private static readonly KeyValuePair<string, string>[] Query =
    [
        KeyValuePair.Create("trustAnchorArn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0f1e2d3c-aaaa-bbbb-cccc-000000000002"),
        KeyValuePair.Create("profileArn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/0f1e2d3c-aaaa-bbbb-cccc-000000000001"),
        KeyValuePair.Create("roleArn", "arn:aws:iam::111122223333:role/onprem/s3-read-only"),
    ];

    [Fact]
    public void TryCreateAuthorizationHeader_Rsa2048_AllocatesZeroBytes()
    {
        using AsymmetricSigningKey key = TestKeys.Rsa2048.CreateKey();

        Assert.Equal(0, MeasureAllocatedBytes(new RolesAnywhereRequestSigner(TestKeys.Rsa2048.Certificate, [TestKeys.P384.Certificate], key)));
    }

    [Fact]
    public void TryCreateAuthorizationHeader_P256_AllocatesZeroBytes()
    {
        using AsymmetricSigningKey key = TestKeys.P256.CreateKey();

        Assert.Equal(0, MeasureAllocatedBytes(new RolesAnywhereRequestSigner(TestKeys.P256.Certificate, null, key)));
    }

    [Fact]
    public void TryCreateAuthorizationHeader_P521_AllocatesZeroBytes()
    {
        using AsymmetricSigningKey key = TestKeys.P521.CreateKey();

        Assert.Equal(0, MeasureAllocatedBytes(new RolesAnywhereRequestSigner(TestKeys.P521.Certificate, null, key)));
    }

    private static long MeasureAllocatedBytes(RolesAnywhereRequestSigner signer)
    {
        SigningRequest request = RolesAnywhereRequestSignerTests.CreateRequest(query: Query);
        char[] destination = new char[signer.MaxAuthorizationHeaderLength];
        for (int i = 0; i < WarmUpCalls; i++)
        {
            Assert.True(signer.TryCreateAuthorizationHeader(request, destination, out _));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredCalls; i++)
        {
            _ = signer.TryCreateAuthorizationHeader(request, destination, out _);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
