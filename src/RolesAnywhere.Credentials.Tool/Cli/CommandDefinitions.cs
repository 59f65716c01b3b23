using RolesAnywhere.Credentials.Configuration;

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

    /// <summary>
    /// The flags of the commands that call CreateSession: one per library setting the official helper has a flag for
    /// (from the library's one list of settings, so a new setting gets its flag there), then the tool's own.
    /// </summary>
    private static readonly (string Name, FlagKind Kind)[] SessionFlags =
    [
        .. RolesAnywhereSettings.All
            .Where(s => s.ToolFlag is not null)
            .Select(s => (s.ToolFlag!, s.Kind == SettingKind.Boolean ? FlagKind.Switch : FlagKind.Value)),
        (Flags.Pkcs11Lib, FlagKind.Value),
        (Flags.ReusePin, FlagKind.Switch),
        (Flags.NoVerifySsl, FlagKind.Switch),
        (Flags.WithProxy, FlagKind.Switch),
        (Flags.Debug, FlagKind.Switch),
        (Flags.TpmKeyPassword, FlagKind.Value),
        (Flags.NoTpmKeyPassword, FlagKind.Switch),
    ];

    /// <summary>
    /// The issuer and schedule flags of a renewal: <c>renew</c> takes them, and <c>serve</c> and <c>update</c> take them to
    /// renew in process (the same flags, read by <c>RenewArguments</c>).
    /// </summary>
    private static readonly (string Name, FlagKind Kind)[] RenewalFlags =
    [
        (Flags.IssuerCommand, FlagKind.Value), (Flags.CfsslUrl, FlagKind.Value), (Flags.CfsslProfile, FlagKind.Value), (Flags.CfsslAuthKeyFile, FlagKind.Value),
        (Flags.RenewAt, FlagKind.Value), (Flags.KeyAlgorithm, FlagKind.Value), (Flags.TrustAnchorCertificate, FlagKind.Value),
    ];

    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        Define(CredentialProcess, "Prints credential_process JSON (Version 1) for the AWS CLI and SDKs, cached between calls.", SessionFlags, [(Flags.NoCache, FlagKind.Switch)]),
        Define(Serve, "Serves credentials over an IMDSv2-compatible endpoint on 127.0.0.1 (and, optionally, a container endpoint); with an issuer flag, renews the certificate in process.", SessionFlags,
            [(Flags.Port, FlagKind.Value), (Flags.HopLimit, FlagKind.Value), (Flags.ContainerPort, FlagKind.Value), (Flags.ContainerHost, FlagKind.Value), (Flags.ContainerTokenFile, FlagKind.Value), .. RenewalFlags]),
        Define(Update, "Keeps a profile of the shared credentials file up to date; with an issuer flag, renews the certificate in process.", SessionFlags, [(Flags.Profile, FlagKind.Value), (Flags.Once, FlagKind.Switch), .. RenewalFlags]),
        Define(SignString, "Signs standard input with the private key and prints the signature.", [],
            [(Flags.PrivateKey, FlagKind.Value), (Flags.Certificate, FlagKind.Value), (Flags.Pkcs8Password, FlagKind.Value), (Flags.Pkcs11Lib, FlagKind.Value),
             (Flags.CertSelector, FlagKind.Value), (Flags.SystemStoreName, FlagKind.Value), (Flags.UseLatestExpiringCertificate, FlagKind.Switch),
             (Flags.ReusePin, FlagKind.Switch), (Flags.TpmKeyPassword, FlagKind.Value), (Flags.NoTpmKeyPassword, FlagKind.Switch),
             (Flags.Format, FlagKind.Value), (Flags.Digest, FlagKind.Value), (Flags.Debug, FlagKind.Switch)]),
        Define(ReadCertificateData, "Prints a JSON description of the certificate.", [],
            [(Flags.Certificate, FlagKind.Value), (Flags.CertSelector, FlagKind.Value), (Flags.SystemStoreName, FlagKind.Value), (Flags.UseLatestExpiringCertificate, FlagKind.Switch),
             (Flags.Pkcs11Lib, FlagKind.Value), (Flags.Pkcs8Password, FlagKind.Value), (Flags.Debug, FlagKind.Switch)]),
        Define(Version, "Prints the version.", [], []),
        Define(Audit, "Finds misuse of Roles Anywhere in CloudTrail logs (files, directories, '-', s3://bucket/prefix); exit 1 on findings.", [],
            [(Flags.Since, FlagKind.Value), (Flags.Until, FlagKind.Value), (Flags.AllowedCidrs, FlagKind.Value), (Flags.KnownSerials, FlagKind.Value),
                  (Flags.Crl, FlagKind.Repeated), (Flags.BusinessHours, FlagKind.Value), (Flags.TimeZone, FlagKind.Value), (Flags.FailureBurst, FlagKind.Value),
                  (Flags.Format, FlagKind.Value), (Flags.FailOn, FlagKind.Value), (Flags.Region, FlagKind.Value), (Flags.Endpoint, FlagKind.Value)],
            operands: "INPUT..."),
        Define(Inspect, "Shows what IAM will see of a certificate: source identity, session name, principal tags, chain and requirement problems.", [],
            [(Flags.Certificate, FlagKind.Value), (Flags.Intermediates, FlagKind.Value), (Flags.TrustAnchorCertificate, FlagKind.Value), (Flags.Crl, FlagKind.Value),
             (Flags.AttributeMapping, FlagKind.Value), (Flags.Format, FlagKind.Value)]),
        Define(PolicyGenerate, "Writes a least-privilege role trust policy pinned to a trust anchor and to certificate attributes.", [],
            [(Flags.TrustAnchorArn, FlagKind.Value), (Flags.Certificate, FlagKind.Value), (Flags.Match, FlagKind.Value),
             (Flags.SubjectCn, FlagKind.Value), (Flags.IssuerCn, FlagKind.Value), (Flags.SanDns, FlagKind.Value), (Flags.SanUri, FlagKind.Value)]),
        Define(PolicyEvaluate, "Says whether a trust policy lets a certificate assume the role through a trust anchor, and why (exit 0 allowed, 1 denied, 2 unsupported).", [],
            [(Flags.Policy, FlagKind.Value), (Flags.Certificate, FlagKind.Value), (Flags.TrustAnchorArn, FlagKind.Value), (Flags.AttributeMapping, FlagKind.Value), (Flags.Format, FlagKind.Value)]),
        Define(PolicyLint, "Checks trust policies (documents or 'aws iam get-role' output) for trust-boundary mistakes.", [],
            [(Flags.AttributeMapping, FlagKind.Value), (Flags.Format, FlagKind.Value), (Flags.FailOn, FlagKind.Value)], operands: "FILE..."),
        Define(Renew, "Renews the certificate and key files when due (or with --force) through a CA command or a CFSSL server; exit 0 renewed or not due, 1 failed (files untouched).", [],
            [(Flags.Certificate, FlagKind.Value), (Flags.PrivateKey, FlagKind.Value), (Flags.Intermediates, FlagKind.Value), (Flags.Pkcs8Password, FlagKind.Value),
             .. RenewalFlags, (Flags.Force, FlagKind.Switch),
             (Flags.TrustAnchorArn, FlagKind.Value), (Flags.ProfileArn, FlagKind.Value), (Flags.RoleArn, FlagKind.Value), (Flags.Region, FlagKind.Value),
             (Flags.Endpoint, FlagKind.Value), (Flags.SessionDuration, FlagKind.Value), (Flags.RoleSessionName, FlagKind.Value), (Flags.WithProxy, FlagKind.Switch),
             (Flags.NoVerifySsl, FlagKind.Switch)]),
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

    private static CommandDefinition Define(string name, string summary, (string Name, FlagKind Kind)[] common, (string Name, FlagKind Kind)[] own, string? operands = null)
    {
        var flags = new Dictionary<string, FlagKind>(StringComparer.Ordinal);
        foreach (var (flag, kind) in common)
        {
            flags[flag] = kind;
        }

        foreach (var (flag, kind) in own)
        {
            flags[flag] = kind;
        }

        return new CommandDefinition(name, summary, flags, operands);
    }
}
