using System.Text;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>Every vector in tests/vectors reproduced: RSA byte for byte, ECDSA verified, intermediate forms compared.</summary>
public sealed class SigningVectorTests
{
    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void Constructor_Vector_CertificateHeadersMatchCapture(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        using AsymmetricSigningKey key = vector.CreateKey();

        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);

        Assert.Equal(vector.Headers["X-Amz-X509"], signer.CertificateHeaderValue);
        Assert.Equal(vector.Headers.GetValueOrDefault("X-Amz-X509-Chain"), signer.CertificateChainHeaderValue);
        Assert.StartsWith($"{signer.AlgorithmName} Credential={signer.SerialNumber}/", vector.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void FormatAmzDate_VectorTimestamp_MatchesCapturedHeader(string name)
    {
        SigningVector vector = SigningVector.Load(name);

        Assert.Equal(vector.Headers["X-Amz-Date"], RolesAnywhereRequestSigner.FormatAmzDate(vector.Timestamp));
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void FormatQueryString_VectorParameters_MatchesCapturedQuery(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        string pathAndQuery = System.Text.Json.JsonDocument.Parse(TestSupport.TestVectors.ReadText(name)).RootElement.GetProperty("path_and_query").GetString()!;
        string expected = pathAndQuery.Contains('?', StringComparison.Ordinal) ? pathAndQuery.Split('?')[1] : string.Empty;

        Assert.Equal(expected, RolesAnywhereRequestSigner.FormatQueryString(vector.Query));
    }

    [Theory]
    [MemberData(nameof(SigningVector.WithCanonicalRequest), MemberType = typeof(SigningVector))]
    public void GetCanonicalRequest_Vector_MatchesExpectedExactly(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        Assert.NotNull(vector.CanonicalRequest);
        using AsymmetricSigningKey key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);

        Assert.Equal(vector.CanonicalRequest, signer.GetCanonicalRequest(vector.CreateRequest()));
        Assert.Equal(vector.StringToSign, signer.GetStringToSign(vector.CreateRequest()));
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void GetStringToSign_Vector_CapturedSignatureVerifiesOverIt(string name)
    {
        // The strongest check for the wire captures (no canonical request given): the signature the
        // reference client produced verifies over exactly the string to sign computed here.
        SigningVector vector = SigningVector.Load(name);
        using AsymmetricSigningKey key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);

        byte[] stringToSign = Encoding.ASCII.GetBytes(signer.GetStringToSign(vector.CreateRequest()));

        Assert.True(vector.Verify(stringToSign, vector.CapturedSignature), $"the captured signature of {name} does not verify over our string to sign");
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void TryCreateAuthorizationHeader_Vector_ReproducesOrVerifies(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        using AsymmetricSigningKey key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);
        SigningRequest request = vector.CreateRequest();
        Span<char> destination = stackalloc char[signer.MaxAuthorizationHeaderLength];

        Assert.True(signer.TryCreateAuthorizationHeader(request, destination, out int written));

        AssertMatches(vector, signer, request, destination[..written].ToString());
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public void CreateAuthorizationHeader_Vector_ReproducesOrVerifies(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        using AsymmetricSigningKey key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);
        SigningRequest request = vector.CreateRequest();

        AssertMatches(vector, signer, request, signer.CreateAuthorizationHeader(request));
    }

    [Theory]
    [MemberData(nameof(SigningVector.All), MemberType = typeof(SigningVector))]
    public async Task CreateAuthorizationHeaderAsync_Vector_ReproducesOrVerifies(string name)
    {
        SigningVector vector = SigningVector.Load(name);
        using AsymmetricSigningKey key = vector.CreateKey();
        var signer = new RolesAnywhereRequestSigner(vector.Certificate, vector.Intermediates, key);
        SigningRequest request = vector.CreateRequest();

        string authorization = await signer.CreateAuthorizationHeaderAsync(request, TestContext.Current.CancellationToken);

        AssertMatches(vector, signer, request, authorization);
    }

    private static void AssertMatches(SigningVector vector, RolesAnywhereRequestSigner signer, SigningRequest request, string authorization)
    {
        string expected = vector.Headers["Authorization"];
        if (vector.Deterministic)
        {
            Assert.Equal(expected, authorization);
            return;
        }

        // ECDSA is randomized: everything but the signature matches, and the signature verifies.
        int signatureStart = expected.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length;
        Assert.Equal(expected[..signatureStart], authorization[..signatureStart]);
        byte[] stringToSign = Encoding.ASCII.GetBytes(signer.GetStringToSign(request));
        Assert.True(vector.Verify(stringToSign, SigningVector.SignatureOf(authorization)), $"our signature for {vector.Name} does not verify with the certificate");
    }
}
