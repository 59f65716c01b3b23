namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>The flag names, spelled as the official <c>aws_signing_helper</c> spells them.</summary>
internal static class Flags
{
    public const string Certificate = "certificate";
    public const string PrivateKey = "private-key";
    public const string Intermediates = "intermediates";
    public const string TrustAnchorArn = "trust-anchor-arn";
    public const string ProfileArn = "profile-arn";
    public const string RoleArn = "role-arn";
    public const string SessionDuration = "session-duration";
    public const string Region = "region";
    public const string Endpoint = "endpoint";
    public const string RoleSessionName = "role-session-name";
    public const string Pkcs8Password = "pkcs8-password";
    public const string Pkcs11Lib = "pkcs11-lib";
    public const string ReusePin = "reuse-pin";
    public const string CertSelector = "cert-selector";
    public const string SystemStoreName = "system-store-name";
    public const string UseLatestExpiringCertificate = "use-latest-expiring-certificate";
    public const string NoVerifySsl = "no-verify-ssl";
    public const string WithProxy = "with-proxy";
    public const string Debug = "debug";
    public const string TpmKeyPassword = "tpm-key-password";
    public const string NoTpmKeyPassword = "no-tpm-key-password";

    // Ours, beyond the official helper.
    public const string NoCache = "no-cache";
    public const string ContainerPort = "container-port";
    public const string ContainerHost = "container-host";
    public const string ContainerTokenFile = "container-token-file";

    // Command-specific, as in the official helper.
    public const string Port = "port";
    public const string HopLimit = "hop-limit";
    public const string Profile = "profile";
    public const string Once = "once";
    public const string Format = "format";
    public const string Digest = "digest";

    // audit
    public const string Since = "since";
    public const string Until = "until";
    public const string AllowedCidrs = "allowed-cidrs";
    public const string KnownSerials = "known-serials";
    public const string Crl = "crl";
    public const string BusinessHours = "business-hours";
    public const string TimeZone = "time-zone";
    public const string FailureBurst = "failure-burst";
    public const string AllowPartial = "allow-partial";
    public const string Timeline = "timeline";
    // inspect and policy (trust policies and attribute mapping).
    public const string TrustAnchorCertificate = "trust-anchor-certificate";
    public const string AttributeMapping = "attribute-mapping";
    public const string Policy = "policy";
    public const string Match = "match";
    public const string SubjectCn = "subject-cn";
    public const string IssuerCn = "issuer-cn";
    public const string SanDns = "san-dns";
    public const string SanUri = "san-uri";
    public const string FailOn = "fail-on";

    // renew
    public const string IssuerCommand = "issuer-command";
    public const string CfsslUrl = "cfssl-url";
    public const string CfsslProfile = "cfssl-profile";
    public const string CfsslAuthKeyFile = "cfssl-auth-key-file";
    public const string RenewAt = "renew-at";
    public const string Force = "force";
    public const string KeyAlgorithm = "key-algorithm";
    public const string AcceptIssuerChange = "accept-issuer-change";
    public const string AcceptIdentityChange = "accept-identity-change";
}
