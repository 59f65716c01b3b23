using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// Checks a CreateSession request's SigV4-X509 signature the way IAM Roles Anywhere does: the Authorization
/// header, the credential scope, the signed headers, the clock skew, and the RSA (PKCS#1 v1.5, SHA-256),
/// ECDSA (SHA-256, ASN.1 DER only) or ML-DSA (pure, empty context) signature with the public key of the
/// <c>X-Amz-X509</c> certificate.
/// Trust (chain, validity, revocation) is checked separately by <see cref="TrustValidator"/>.
/// </summary>
internal static class SigV4X509Verifier
{
    public const string RsaAlgorithm = "AWS4-X509-RSA-SHA256";
    public const string EcdsaAlgorithm = "AWS4-X509-ECDSA-SHA256";
    public const string MLDsaAlgorithm = "AWS4-X509-MLDSA";
    public const string Service = "rolesanywhere";

    private static readonly string[] RequiredSignedHeaders = ["content-type", "host", "x-amz-date", "x-amz-x509"];

    /// <exception cref="RequestRejectedException">The request is not signed correctly.</exception>
    public static VerifiedSignature Verify(SignedRequest request, string region, DateTimeOffset now, TimeSpan allowedSkew)
    {
        var authorization = AuthorizationHeader.Parse(request.GetHeader("authorization"));
        if (authorization.Algorithm is not (RsaAlgorithm or EcdsaAlgorithm or MLDsaAlgorithm))
        {
            throw RequestRejectedException.BadSignature(
                $"The algorithm '{authorization.Algorithm}' is not {RsaAlgorithm}, {EcdsaAlgorithm} or {MLDsaAlgorithm} (the digest is SHA-256 for RSA and ECDSA; ML-DSA signs the string to sign itself).");
        }

        CheckSignedHeaders(request, authorization);
        var amzDate = request.GetHeader("x-amz-date");
        var signedAt = AmzDate.ParseAndCheck(amzDate, now, allowedSkew);
        CheckScope(authorization, amzDate!, region);

        var leaf = DecodeCertificate(request.GetHeader("x-amz-x509"), "X-Amz-X509");
        var chain = new List<X509Certificate2>();
        try
        {
            chain.AddRange(DecodeChain(request));
            var serial = CertificateSerialNumber.FromBigEndian(leaf.SerialNumberBytes.Span).ToDecimalString();
            if (!string.Equals(authorization.KeyId, serial, StringComparison.Ordinal))
            {
                throw RequestRejectedException.BadSignature(
                    $"Credential= names serial '{authorization.KeyId}' but the X-Amz-X509 certificate's serial is {serial} (unsigned decimal).");
            }

            var canonical = CanonicalRequest.Build(request, authorization.SignedHeaders);
            var stringToSign = CanonicalRequest.StringToSign(authorization.Algorithm, amzDate!, authorization.Scope, canonical);
            CheckSignature(leaf, authorization, Encoding.UTF8.GetBytes(stringToSign));
            return new VerifiedSignature(leaf, chain, signedAt, canonical);
        }
        catch
        {
            leaf.Dispose();
            chain.ForEach(c => c.Dispose());
            throw;
        }
    }

    private static void CheckSignedHeaders(SignedRequest request, AuthorizationHeader authorization)
    {
        foreach (var required in RequiredSignedHeaders)
        {
            if (!authorization.SignedHeaders.Contains(required))
            {
                throw RequestRejectedException.BadSignature($"SignedHeaders= must include '{required}'.");
            }
        }

        if (request.HasHeader("x-amz-x509-chain") && !authorization.SignedHeaders.Contains("x-amz-x509-chain"))
        {
            throw RequestRejectedException.BadSignature("X-Amz-X509-Chain is present but not in SignedHeaders=.");
        }
    }

    private static void CheckScope(AuthorizationHeader authorization, string amzDate, string region)
    {
        if (!string.Equals(authorization.ScopeDate, amzDate[..8], StringComparison.Ordinal))
        {
            throw RequestRejectedException.BadSignature($"The scope date {authorization.ScopeDate} does not match X-Amz-Date {amzDate}.");
        }

        if (!string.Equals(authorization.ScopeRegion, region, StringComparison.Ordinal))
        {
            throw RequestRejectedException.BadSignature($"The scope region '{authorization.ScopeRegion}' is not this endpoint's region '{region}'.");
        }

        if (!string.Equals(authorization.ScopeService, Service, StringComparison.Ordinal))
        {
            throw RequestRejectedException.BadSignature($"The scope service '{authorization.ScopeService}' is not '{Service}'.");
        }
    }

    private static X509Certificate2 DecodeCertificate(string? base64, string header)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw RequestRejectedException.BadSignature($"The {header} header is missing or empty.");
        }

        try
        {
#if NET9_0_OR_GREATER
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64.Trim()));
#else
            return new X509Certificate2(Convert.FromBase64String(base64.Trim()));
#endif
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw RequestRejectedException.Untrusted($"The {header} header is not base64 DER of a certificate: {ex.Message}");
        }
    }

    private static List<X509Certificate2> DecodeChain(SignedRequest request)
    {
        var header = request.GetHeader("x-amz-x509-chain");
        if (header is null)
        {
            return [];
        }

        if (header.Trim().Length == 0)
        {
            throw RequestRejectedException.BadSignature("X-Amz-X509-Chain is present but empty (send it only when there are intermediates).");
        }

        return header.Split(',').Select(part => DecodeCertificate(part, "X-Amz-X509-Chain")).ToList();
    }

    private static void CheckSignature(X509Certificate2 leaf, AuthorizationHeader authorization, byte[] stringToSign)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(authorization.Signature);
        }
        catch (FormatException)
        {
            throw RequestRejectedException.BadSignature("Signature= is not hexadecimal.");
        }

        if (MLDsaSignatures.HasMLDsaKey(leaf))
        {
            RequireAlgorithm(authorization, MLDsaAlgorithm, "an ML-DSA");
            if (!MLDsaSignatures.Verify(leaf, stringToSign, signature))
            {
                throw RequestRejectedException.BadSignature(
                    "The ML-DSA signature does not verify with the X-Amz-X509 public key (pure ML-DSA over the string to sign, empty context).");
            }

            return;
        }

        using var rsa = leaf.GetRSAPublicKey();
        if (rsa is not null)
        {
            RequireAlgorithm(authorization, RsaAlgorithm, "an RSA");
            if (!rsa.VerifyData(stringToSign, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw RequestRejectedException.BadSignature("The RSA PKCS#1 v1.5 SHA-256 signature does not verify with the X-Amz-X509 public key.");
            }

            return;
        }

        using var ecdsa = leaf.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            RequireAlgorithm(authorization, EcdsaAlgorithm, "an EC");
            if (!ecdsa.VerifyData(stringToSign, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                throw RequestRejectedException.BadSignature(
                    "The ECDSA SHA-256 signature does not verify as an ASN.1 DER SEQUENCE{r,s} (a raw r||s signature is refused).");
            }

            return;
        }

        throw RequestRejectedException.Untrusted($"The X-Amz-X509 certificate's key ({leaf.PublicKey.Oid.FriendlyName}) is neither RSA, EC nor ML-DSA.");
    }

    private static void RequireAlgorithm(AuthorizationHeader authorization, string expected, string keyKind)
    {
        if (!string.Equals(authorization.Algorithm, expected, StringComparison.Ordinal))
        {
            throw RequestRejectedException.BadSignature($"The certificate has {keyKind} key, so the algorithm must be {expected}, not {authorization.Algorithm}.");
        }
    }
}
