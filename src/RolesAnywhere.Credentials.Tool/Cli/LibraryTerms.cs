using System.Text.RegularExpressions;
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

    private static readonly Dictionary<string, string> FlagOfOption = new(StringComparer.Ordinal)
    {
        [nameof(RolesAnywhereOptions.CertificatePath)] = Flags.Certificate,
        [nameof(RolesAnywhereOptions.CertificateData)] = Flags.Certificate,
        [nameof(RolesAnywhereOptions.PrivateKeyPath)] = Flags.PrivateKey,
        [nameof(RolesAnywhereOptions.PrivateKeyData)] = Flags.PrivateKey,
        [nameof(RolesAnywhereOptions.IntermediatesPath)] = Flags.Intermediates,
        [nameof(RolesAnywhereOptions.IntermediatesData)] = Flags.Intermediates,
        [nameof(RolesAnywhereOptions.PrivateKeyPassword)] = Flags.Pkcs8Password,
        [nameof(RolesAnywhereOptions.TrustAnchorArn)] = Flags.TrustAnchorArn,
        [nameof(RolesAnywhereOptions.ProfileArn)] = Flags.ProfileArn,
        [nameof(RolesAnywhereOptions.RoleArn)] = Flags.RoleArn,
        [nameof(RolesAnywhereOptions.SessionDuration)] = Flags.SessionDuration,
        [nameof(RolesAnywhereOptions.RoleSessionName)] = Flags.RoleSessionName,
        [nameof(RolesAnywhereOptions.Region)] = Flags.Region,
        [nameof(RolesAnywhereOptions.Endpoint)] = Flags.Endpoint,
        [nameof(RolesAnywhereOptions.CertificateSelector)] = Flags.CertSelector,
        [nameof(RolesAnywhereOptions.CertificateStoreName)] = Flags.SystemStoreName,
        [nameof(RolesAnywhereOptions.UseLatestExpiringCertificate)] = Flags.UseLatestExpiringCertificate,
        [OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)] = Flags.WithProxy,
        [nameof(CertificateRenewalOptions.TrustAnchorCertificatePath)] = Flags.TrustAnchorCertificate,
        [nameof(CertificateRenewalOptions.RenewAt)] = Flags.RenewAt,
        [nameof(CertificateRenewalOptions.KeyAlgorithm)] = Flags.KeyAlgorithm,
    };

    /// <summary>Whole option names (optionally written as <c>RolesAnywhereOptions.Name</c>), longest first.</summary>
    private static readonly Regex OptionName = new(
        @"\b(?:" + Regex.Escape(OptionsPrefix) + @")?(?<name>" + string.Join('|', FlagOfOption.Keys.Where(k => !k.StartsWith(OptionsPrefix, StringComparison.Ordinal)).OrderByDescending(k => k.Length))
        + @")\b|\b" + Regex.Escape(OptionsPrefix + nameof(RolesAnywhereOptions.Proxy)) + @"\b",
        RegexOptions.CultureInvariant);

    /// <summary>Returns <paramref name="message"/> with every option name that has a flag replaced by <c>--flag</c>.</summary>
    public static string ToFlags(string message) =>
        OptionName.Replace(message, match => "--" + FlagOfOption[match.Groups["name"].Success ? match.Groups["name"].Value : match.Value]);
}
