using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tool.Renewal;
using RolesAnywhere.Credentials.Tool.Serve;
using static RolesAnywhere.Credentials.Tool.Cli.FlagDefinition;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>The subcommands of <c>rolesanywhere</c> and the flags each accepts (those of <c>aws_signing_helper</c>, plus a few of ours).</summary>
internal static class CommandDefinitions
{
    public const string CredentialProcess = "credential-process";
    public const string Serve = "serve";
    public const string Update = "update";
    public const string SignString = "sign-string";
    public const string ReadCertificateData = "read-certificate-data";
    public const string Version = "version";
    public const string Audit = "audit";
    public const string Inspect = "inspect";
    public const string PolicyGroup = "policy";
    public const string PolicyGenerate = "policy generate";
    public const string PolicyEvaluate = "policy evaluate";
    public const string PolicyLint = "policy lint";
    public const string Renew = "renew";
    public const string Help = "help";
    public const string Completion = "completion";

    /// <summary>What the <see cref="PolicyGroup"/> commands do together, for the top-level help.</summary>
    public const string PolicyGroupSummary = "Writes, evaluates and lints role trust policies for Roles Anywhere (generate, evaluate, lint).";

    private static readonly FlagDefinition TextOrJson = Choice(Flags.Format, ["text", "json"], "Output format.", "text");

    private static readonly FlagDefinition AttributeMapping = Value(
        Flags.AttributeMapping, "file", "The profile's attribute mapping: the output of 'aws rolesanywhere get-profile' (or its attributeMappings array); default: the service's default mapping.");

    private static readonly FlagDefinition TrustAnchorCertificate = Value(Flags.TrustAnchorCertificate, "file", "PEM or DER file with the trust anchor's CA certificate(s), to check the chain against.");

    /// <summary>
    /// The issuer and schedule flags of a renewal: <c>renew</c> takes them, and <c>serve</c> and <c>update</c> take them to
    /// renew in process (the same flags, read by <c>RenewArguments</c>).
    /// </summary>
    private static readonly FlagDefinition[] RenewalFlags =
    [
        Value(Flags.IssuerCommand, "command", "CA command that renews the certificate, run without a shell: the CSR (PEM) on its standard input, the certificate PEM on its standard output."),
        Value(Flags.CfsslUrl, "url", "CFSSL server that renews the certificate by signing the CSR (http://ca.internal:8888)."),
        Value(Flags.CfsslProfile, "name", "CFSSL signing profile; only with --cfssl-url."),
        Value(Flags.CfsslAuthKeyFile, "file", "File with the CFSSL auth key (hex, as in the server's auth_keys); only with --cfssl-url."),
        Value(Flags.RenewAt, "fraction", "Renew once this fraction of the certificate's lifetime has passed (between 0 and 1).", Math.Round(CertificateRenewalOptions.DefaultRenewAt, 2)),
        Choice(Flags.KeyAlgorithm, RenewArguments.KeyAlgorithms.Keys, "Kind of the new key.", "same"),
        TrustAnchorCertificate.Meaning("PEM or DER file with the trust anchor's CA certificate(s): a renewed certificate must chain to it (without it, it must come from the current certificate's issuer)."),
        Switch(Flags.AcceptIssuerChange, "Without --trust-anchor-certificate, install a certificate from another issuer than the current one's (reported)."),
        Switch(Flags.AcceptIdentityChange, "Install a certificate whose source identity or principal tags differ from the current one's (reported)."),
    ];

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new(CredentialProcess, "Prints credential_process JSON (Version 1) for the AWS CLI and SDKs, cached between calls.",
        [
            .. SharedFlags.Session,
            Switch(Flags.NoCache, "Neither read nor write the credential cache: call CreateSession every time."),
        ]),
        new(Serve, "Serves credentials over an IMDSv2-compatible endpoint on 127.0.0.1 (and, optionally, a container endpoint); with an issuer flag, renews the certificate in process.",
        [
            .. SharedFlags.Session,
            Value(Flags.Port, "port", "Port of the IMDSv2 endpoint on 127.0.0.1 (0 picks a free port; the address is printed on stderr).", ServeSettings.DefaultPort),
            Value(Flags.HopLimit, "hops", "IP TTL / hop limit of the answers, 1 to 255 (1 keeps them on the host, as EC2 does).", ServeSettings.DefaultHopLimit),
            Value(Flags.ContainerPort, "port", "Also serve an ECS-style container endpoint on this port (http://HOST:PORT/credentials, for AWS_CONTAINER_CREDENTIALS_FULL_URI)."),
            Value(Flags.ContainerHost, "address", "IP address the container endpoint binds (e.g. 0.0.0.0 or the container bridge); only with --container-port.", "127.0.0.1"),
            Value(Flags.ContainerTokenFile, "file", "File holding the container endpoint's authorization token, at least 16 characters (default: the AWS_CONTAINER_AUTHORIZATION_TOKEN variable)."),
            .. RenewalFlags,
        ]),
        new(Update, "Keeps a profile of the shared credentials file (~/.aws/credentials) up to date; with an issuer flag, renews the certificate in process.",
        [
            .. SharedFlags.Session,
            Value(Flags.Profile, "name", "Profile of the shared credentials file to write.", "default"),
            Switch(Flags.Once, "Write the credentials once and exit, instead of refreshing them before they expire."),
            .. RenewalFlags,
        ]),
        new(SignString, "Signs standard input with the private key and prints the signature.",
        [
            SharedFlags.PrivateKey, SharedFlags.Certificate, SharedFlags.Pkcs8Password, SharedFlags.Pkcs11Lib,
            SharedFlags.CertSelector, SharedFlags.SystemStoreName, SharedFlags.UseLatestExpiringCertificate,
            SharedFlags.ReusePin, SharedFlags.TpmKeyPassword, SharedFlags.NoTpmKeyPassword,
            Choice(Flags.Format, ["json", "text", "bin"], "Output: a JSON string of hex, bare hex, or the raw signature bytes.", "json"),
            Choice(Flags.Digest, ["SHA256", "SHA384", "SHA512"], "Digest signed over (RSA PKCS#1 v1.5, ECDSA as ASN.1 DER; ML-DSA signs the data itself).", "SHA256"),
            SharedFlags.Debug,
        ]),
        new(ReadCertificateData, "Prints a JSON description of the certificate.",
        [
            SharedFlags.Certificate, SharedFlags.CertSelector, SharedFlags.SystemStoreName, SharedFlags.UseLatestExpiringCertificate,
            SharedFlags.Pkcs11Lib, SharedFlags.Pkcs8Password, SharedFlags.Debug,
        ]),
        new(Version, "Prints the version.", []),
        new(Audit, "Finds misuse of Roles Anywhere in CloudTrail logs (files, directories, '-', s3://bucket/prefix); exit 1 on findings.",
        [
            Value(Flags.Since, "time", "Ignore events before this time: 2026-11-20, 2026-11-20T08:00:00Z, or an age such as 90m, 24h, 7d."),
            Value(Flags.Until, "time", "Ignore events from this time on (same forms as --since)."),
            Value(Flags.AllowedCidrs, "cidrs", "Comma-separated networks workloads call from (203.0.113.0/24,2001:db8::/32); other source IPs are findings."),
            Value(Flags.KnownSerials, "file", "File of the certificate serials in use, one a line, hex as the audit prints them: 1a2b3c, 1A2B3C, 0x1a2b3c, serial=1A2B3C or 1a:2b:3c (a bare number such as 1234 is hex); decimal only as decimal:1234. Other serials are findings."),
            Repeated(Flags.Crl, "file", "A CRL (PEM or DER) of the issuing CA; sessions with a revoked certificate are findings. Repeatable."),
            Value(Flags.BusinessHours, "HH:MM-HH:MM", "Working hours; sessions outside them are findings (with --time-zone)."),
            Value(Flags.TimeZone, "zone", "IANA time zone of --business-hours (Europe/Berlin)."),
            Value(Flags.FailureBurst, "N/minutes", "N refused CreateSession calls from one source within this many minutes are a finding.", FailureBurst.Default),
            Switch(Flags.Timeline, "Print, per certificate, every CreateSession and every call made with its credentials (role chaining included) instead of the findings; the exit code still follows the findings."),
            Switch(Flags.AllowPartial, "Report on what could be read when an input is truncated, empty or not CloudTrail (listed as PARTIAL); without it such a run exits 2."),
            Choice(Flags.Format, ["text", "json", "sarif"], "Report format: a table, JSON lines, or SARIF 2.1.0.", "text"),
            Choice(Flags.FailOn, ["low", "medium", "high"], "Lowest severity that makes the exit code 1.", "medium"),
            Value(Flags.Region, "region", "Region of the S3 bucket for s3:// inputs (default: the SDK's region chain)."),
            Value(Flags.Endpoint, "url", "S3 endpoint for s3:// inputs (an S3-compatible server)."),
        ],
        operands: "INPUT", operandsDescription: "CloudTrail log files (.json, .json.gz), directories, '-' (standard input) or s3://bucket/prefix."),
        new(Inspect, "Shows what IAM will see of a certificate: source identity, session name, principal tags, chain and requirement problems.",
        [
            SharedFlags.Certificate.Meaning("The certificate to inspect (PEM or DER file).").AsRequired(),
            SharedFlags.Intermediates,
            TrustAnchorCertificate,
            Value(Flags.Crl, "file", "CRL (PEM or DER) of the issuing CA, to check revocation."),
            AttributeMapping,
            TextOrJson,
        ]),
        new(PolicyGenerate, "Writes a least-privilege role trust policy pinned to a trust anchor and to certificate attributes.",
        [
            SharedFlags.TrustAnchorArn.Meaning("ARN of the trust anchor the policy trusts (aws:SourceArn).").AsRequired(),
            SharedFlags.Certificate.Meaning("Certificate (PEM or DER file) whose attributes the policy requires; or give the values with --subject-cn, --issuer-cn, --san-dns, --san-uri."),
            Value(Flags.Match, "tags", "Comma-separated certificate attributes to require, from --certificate.", "x509Subject/CN,x509Issuer/CN"),
            Value(Flags.SubjectCn, "value", "Require this subject CN (aws:PrincipalTag/x509Subject/CN)."),
            Value(Flags.IssuerCn, "value", "Require this issuer CN (aws:PrincipalTag/x509Issuer/CN)."),
            Value(Flags.SanDns, "value", "Require this DNS subject alternative name (aws:PrincipalTag/x509SAN/DNS)."),
            Value(Flags.SanUri, "value", "Require this URI subject alternative name (aws:PrincipalTag/x509SAN/URI)."),
        ]),
        new(PolicyEvaluate, "Says whether a trust policy lets a certificate assume the role through a trust anchor, and why (exit 0 allowed, 1 denied, 2 unsupported).",
        [
            Value(Flags.Policy, "file", "The role's trust policy (a policy document or 'aws iam get-role' output).", required: true),
            SharedFlags.Certificate.Meaning("The certificate (PEM or DER file) that would call CreateSession.").AsRequired(),
            SharedFlags.TrustAnchorArn.Meaning("ARN of the trust anchor the certificate would come through.").AsRequired(),
            AttributeMapping,
            TextOrJson,
        ]),
        new(PolicyLint, "Checks trust policies (documents or 'aws iam get-role' output) for trust-boundary mistakes.",
        [
            AttributeMapping,
            TextOrJson,
            Choice(Flags.FailOn, ["low", "medium", "high", "error"], "Lowest severity that makes the exit code 1.", "medium"),
        ],
        operands: "FILE", operandsDescription: "Trust policy files: policy documents or 'aws iam get-role' output."),
        new(Renew, "Renews the certificate and key files when due (or with --force) through a CA command or a CFSSL server; exit 0 renewed or not due, 1 failed (files untouched).",
        [
            SharedFlags.Certificate.Meaning("The certificate file (PEM or DER) to renew in place.").AsRequired(),
            SharedFlags.PrivateKey.Meaning("The private key file, replaced in place by a new key (PKCS#8); keys in PKCS#11 tokens or TPMs are refused.").AsRequired(),
            SharedFlags.Intermediates.Meaning("PEM bundle of intermediate CA certificates, rewritten when the CA returns a chain."),
            SharedFlags.Pkcs8Password.Meaning("Password of the current key; the new key is written encrypted with it."),
            .. RenewalFlags,
            Switch(Flags.Force, "Renew now, whether due or not."),
            SharedFlags.TrustAnchorArn.Meaning("With --profile-arn and --role-arn: prove the new pair with one CreateSession before replacing the files."),
            SharedFlags.ProfileArn, SharedFlags.RoleArn, SharedFlags.Region, SharedFlags.Endpoint, SharedFlags.SessionDuration,
            SharedFlags.RoleSessionName, SharedFlags.WithProxy, SharedFlags.NoVerifySsl,
        ]),
        new(Help, "Prints the help of the tool, or of a command.", [], operands: "COMMAND", operandsDescription: "The command (for a group, both words: policy lint)."),
        new(Completion, "Prints a shell completion script: source <(rolesanywhere completion bash), or add it to ~/.zshrc for zsh.", [], operands: "SHELL", operandsDescription: "bash or zsh."),
    ];

    /// <summary>Whether <paramref name="word"/> names a group of commands ("policy") whose second word picks the command.</summary>
    public static bool IsGroup(string word) => word == PolicyGroup;

    public static CommandDefinition? Find(string name)
    {
        foreach (var command in All)
        {
            if (string.Equals(command.Name, name, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }
}
