namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>The flag combinations the official helper refuses, refused here with the same reasons.</summary>
internal static class CombinationRules
{
    private static readonly (string Flag, string[] Conflicts)[] Rules =
    [
        (Flags.Certificate, [Flags.CertSelector, Flags.SystemStoreName]),
        (Flags.PrivateKey, [Flags.CertSelector, Flags.SystemStoreName, Flags.UseLatestExpiringCertificate]),
        (Flags.Intermediates, [Flags.CertSelector, Flags.UseLatestExpiringCertificate]),
        (Flags.TpmKeyPassword, [Flags.NoTpmKeyPassword]),
    ];

    public static void Check(ParsedCommandLine parsed, List<string> errors)
    {
        foreach (var (flag, conflicts) in Rules)
        {
            if (!Given(parsed, flag))
            {
                continue;
            }

            foreach (var conflict in conflicts)
            {
                if (Given(parsed, conflict))
                {
                    errors.Add($"--{flag} cannot be combined with --{conflict}: " + Reason(conflict));
                }
            }
        }
    }

    private static bool Given(ParsedCommandLine parsed, string flag) =>
        parsed.Command.Flags.TryGetValue(flag, out var definition) && (definition.Kind == FlagKind.Switch ? parsed.IsSet(flag) : parsed.Has(flag));

    private static string Reason(string conflict) => conflict switch
    {
        Flags.CertSelector or Flags.SystemStoreName => "a certificate store supplies the certificate, its key and its chain; use either files or the store.",
        Flags.UseLatestExpiringCertificate => "that switch picks among store certificates; files name exactly one.",
        _ => "give only one of the two.",
    };
}
