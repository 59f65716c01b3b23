using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Testing.Hosting;
using RolesAnywhere.Credentials.Testing.Sessions;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Sts;

/// <summary>
/// Verifies an ordinary SigV4 (AWS4-HMAC-SHA256) request signed with temporary credentials this emulator
/// issued: known access key, matching session token, not expired, date within 15 minutes, correct HMAC.
/// </summary>
internal static class SigV4HmacVerifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan SigV4Skew = TimeSpan.FromMinutes(15);

    /// <exception cref="RequestRejectedException">The request is not signed with valid issued credentials.</exception>
    public static IssuedSession Verify(SignedRequest request, EmulatorState state, string service)
    {
        var authorization = ParseAuthorization(request);
        if (!state.Sessions.TryGetValue(authorization.KeyId, out var session))
        {
            throw Sender(403, "InvalidClientTokenId", "The security token included in the request is invalid.",
                $"The access key id '{authorization.KeyId}' was not issued by this emulator.");
        }

        var now = state.Now;
        if (!string.Equals(request.GetHeader("x-amz-security-token"), session.SessionToken, StringComparison.Ordinal))
        {
            throw Sender(403, "InvalidClientTokenId", "The security token included in the request is invalid.",
                "X-Amz-Security-Token is missing or is not the session token issued with this access key.");
        }

        if (now >= session.Expiration)
        {
            throw Sender(403, "ExpiredToken", "The security token included in the request is expired",
                $"The credentials expired at {session.Expiration:O} (server clock {now:O}).");
        }

        var amzDate = request.GetHeader("x-amz-date");
        try
        {
            AmzDate.ParseAndCheck(amzDate, now, SigV4Skew);
        }
        catch (RequestRejectedException ex)
        {
            throw Sender(403, "SignatureDoesNotMatch", "Signature expired or not yet current.", ex.Message);
        }

        if (authorization.ScopeDate != amzDate![..8] || authorization.ScopeService != service)
        {
            throw Sender(403, "SignatureDoesNotMatch", "Credential should be scoped to a valid date and service.",
                $"The scope {authorization.Scope} must have date {amzDate[..8]} and service {service}.");
        }

        CheckPayloadHash(request);
        var canonical = CanonicalRequest.Build(request, authorization.SignedHeaders);
        var stringToSign = CanonicalRequest.StringToSign(Algorithm, amzDate, authorization.Scope, canonical);
        var expected = Sign(session.SecretAccessKey, authorization, stringToSign);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw Sender(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                "The HMAC-SHA256 signature does not match the issued secret key.");
        }

        return session;
    }

    private static AuthorizationHeader ParseAuthorization(SignedRequest request)
    {
        AuthorizationHeader authorization;
        try
        {
            authorization = AuthorizationHeader.Parse(request.GetHeader("authorization"));
        }
        catch (RequestRejectedException ex)
        {
            throw Sender(403, "IncompleteSignature", "The request signature does not conform to AWS standards.", ex.Message);
        }

        if (authorization.Algorithm != Algorithm || !authorization.SignedHeaders.Contains("host") || !authorization.SignedHeaders.Contains("x-amz-date"))
        {
            throw Sender(403, "IncompleteSignature", "The request signature does not conform to AWS standards.",
                $"Expected {Algorithm} with host and x-amz-date signed, got {authorization.Algorithm} SignedHeaders={authorization.SignedHeadersText}.");
        }

        return authorization;
    }

    private static void CheckPayloadHash(SignedRequest request)
    {
        var declared = request.GetHeader("x-amz-content-sha256");
        if (declared is not null && !string.Equals(declared, CanonicalRequest.HexSha256(request.Body), StringComparison.OrdinalIgnoreCase))
        {
            throw Sender(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.",
                "X-Amz-Content-SHA256 is not the SHA-256 of the body.");
        }
    }

    private static string Sign(string secret, AuthorizationHeader authorization, string stringToSign)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(authorization.ScopeDate));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.ScopeRegion));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(authorization.ScopeService));
        key = HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
        return Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
    }

    private static RequestRejectedException Sender(int status, string code, string message, string reason) =>
        new(status, code, message, reason);
}
