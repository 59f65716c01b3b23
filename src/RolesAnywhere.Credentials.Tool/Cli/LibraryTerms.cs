using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// The library's messages speak of its options (<c>Set PrivateKeyPassword</c>, <c>Check CertificatePath</c>);
/// a tool user has flags. <see cref="ToFlags"/> rewrites each option name that has a flag into that flag,
/// so every library message the tool prints names something the user can type.
/// </summary>
internal static class LibraryTerms
{
    private const string OptionsPrefix = nameof(RolesAnywhereOptions) + ".";

    /// <summary>
    /// Each option's flag, from the settings descriptor (<see cref="RolesAnywhereSettings.All"/>, the one list of the
    /// library's settings and their tool flags), plus the names a flag stands for without being that setting.
    /// </summary>
    private static readonly Dictionary<string, string> FlagOfOption = BuildFlagOfOption();

    /// <summary>Whole option names (optionally written as <c>RolesAnywhereOptions.Name</c>), longest first.</summary>
    private static readonly Regex OptionName = new(
        @"\b(?:" + Regex.Escape(OptionsPrefix) + @")?(?<name>" + string.Join('|', FlagOfOption.Keys.Where(k => !k.StartsWith(OptionsPrefix, StringComparison.Ordinal)).OrderByDescending(k => k.Length))
        + @")\b|\b" + Regex.Escape(OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)) + @"\b",
        RegexOptions.CultureInvariant);

    private static Dictionary<string, string> BuildFlagOfOption()
    {
        var flags = RolesAnywhereSettings.All.Where(s => s.ToolFlag is not null).ToDictionary(s => s.Name, s => s.ToolFlag!, StringComparer.Ordinal);

        // Inline material is given with the same flags as the files.
        flags[nameof(RolesAnywhereOptions.CertificateData)] = Flags.Certificate;
        flags[nameof(RolesAnywhereOptions.PrivateKeyData)] = Flags.PrivateKey;
        flags[nameof(RolesAnywhereOptions.IntermediatesData)] = Flags.Intermediates;

        // "Proxy" alone is too common a word: only the qualified name is rewritten.
        flags[OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)] = Flags.WithProxy;

        // Renewal's options (renew, serve and update).
        flags[nameof(CertificateRenewalOptions.TrustAnchorCertificatePath)] = Flags.TrustAnchorCertificate;
        flags[nameof(CertificateRenewalOptions.RenewAt)] = Flags.RenewAt;
        flags[nameof(CertificateRenewalOptions.KeyAlgorithm)] = Flags.KeyAlgorithm;
        flags[nameof(CertificateRenewalOptions.AcceptIssuerChange)] = Flags.AcceptIssuerChange;
        flags[nameof(CertificateRenewalOptions.AcceptIdentityChanges)] = Flags.AcceptIdentityChange;
        return flags;
    }

    /// <summary>Returns <paramref name="message"/> with every option name that has a flag replaced by <c>--flag</c>.</summary>
    public static string ToFlags(string message) =>
        OptionName.Replace(message, match => "--" + FlagOfOption[match.Groups["name"].Success ? match.Groups["name"].Value : match.Value]);
}
