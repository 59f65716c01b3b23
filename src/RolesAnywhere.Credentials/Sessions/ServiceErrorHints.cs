namespace RolesAnywhere.Credentials.Sessions;

/// <summary>The usual cause of each known CreateSession refusal, in words that name the setting to check.</summary>
internal static class ServiceErrorHints
{
    public const string TroubleshootingUrl = "https://docs.aws.amazon.com/rolesanywhere/latest/userguide/troubleshooting.html";

    public const string UntrustedCertificate =
        "Hint: the certificate does not chain to an enabled trust anchor: check that TrustAnchorArn holds the CA that issued it, and that every intermediate CA between the certificate and that CA is configured (IntermediatesPath, IntermediatesData or Intermediates; they are sent in X-Amz-X509-Chain).";

    public const string InvalidSignature =
        "Hint: the service could not verify the signature: check this machine's clock (X-Amz-Date must be within 5 minutes of AWS time), that the region taken from TrustAnchorArn (or Region) is where the trust anchor lives, and that a custom Endpoint reaches that region's service; also that the private key belongs to the certificate.";

    public const string RoleAccessDenied =
        "Hint: the role refused the session: its trust policy must allow the principal rolesanywhere.amazonaws.com the actions sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity, and its Condition (for example aws:SourceArn = TrustAnchorArn, or aws:PrincipalTag/x509Subject/CN) must match this certificate; the profile must also list RoleArn among its roles. "
        + CheckTrustPolicy;

    /// <summary>The service never says which condition failed: the tool evaluates the policy locally and names the statement and condition.</summary>
    public const string CheckTrustPolicy =
        "To see which statement and condition decide, run: rolesanywhere policy evaluate --policy role.json --certificate CERTIFICATE.pem --trust-anchor-arn TRUST_ANCHOR_ARN --attribute-mapping profile.json (role.json from 'aws iam get-role --role-name ROLE', profile.json from 'aws rolesanywhere get-profile --profile-id ID'; 'rolesanywhere inspect --certificate CERTIFICATE.pem' shows the principal tags IAM sees).";

    public const string SessionNameRefused =
        "Hint: the profile does not accept a role session name: set acceptRoleSessionName to true on the profile, or leave RoleSessionName empty.";

    public const string DurationRefused =
        "Hint: SessionDuration exceeds what the profile allows (its durationSeconds); lower SessionDuration or raise the profile's limit.";

    public const string NotFound =
        "Hint: check that TrustAnchorArn, ProfileArn and RoleArn exist in that account and region, and that the trust anchor and profile are enabled.";

    public const string Disabled =
        "Hint: enable the trust anchor and the profile (aws rolesanywhere enable-trust-anchor / enable-profile).";

    public const string CertificateRejected =
        "Hint: the certificate itself was refused (expired, not yet valid, revoked, or not an end-entity certificate with digitalSignature key usage); issue a new one from the trust anchor's CA.";

    public const string Throttled =
        "Hint: the CreateSession quota (about 10 requests per second per account and region) was exceeded; the credentials refresh well before expiry, so share one RolesAnywhereAWSCredentials instance per process instead of creating one per client.";

    public const string ServerFault =
        "Hint: the service had a temporary problem; the request was retried with backoff. Try again later or check the AWS Health Dashboard.";

    /// <summary>Returns the hint for <paramref name="error"/>, or <see langword="null"/> when nothing useful is known.</summary>
    public static string? For(ServiceError error)
    {
        var message = error.Message ?? string.Empty;
        if (error.ErrorType is "ResourceNotFoundException" || error.Status == System.Net.HttpStatusCode.NotFound)
        {
            return NotFound;
        }

        if (Has(message, "untrusted") || (Has(message, "trust anchor") && Has(message, "certificate")))
        {
            return UntrustedCertificate;
        }

        if (Has(message, "signature"))
        {
            return InvalidSignature;
        }

        if (Has(message, "session name") || Has(message, "sessionname") || Has(message, "acceptRoleSessionName"))
        {
            return SessionNameRefused;
        }

        if (Has(message, "duration"))
        {
            return DurationRefused;
        }

        if (Has(message, "disabled") || Has(message, "not enabled"))
        {
            return Disabled;
        }

        if (Has(message, "expired") || Has(message, "revoked") || Has(message, "not yet valid") || Has(message, "certificate"))
        {
            return CertificateRejected;
        }

        // Not a bare "role": every Roles Anywhere ARN in a message contains "rolesanywhere".
        if (Has(message, "assume") || Has(message, "the role") || Has(message, "role arn") || Has(message, "not authorized"))
        {
            return RoleAccessDenied;
        }

        if (error.IsThrottling)
        {
            return Throttled;
        }

        if (error.IsServerFault)
        {
            return ServerFault;
        }

        return error.ErrorType is "AccessDeniedException" ? RoleAccessDenied : null;
    }

    private static bool Has(string message, string word) => message.Contains(word, StringComparison.OrdinalIgnoreCase);
}
