using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// Checks <see cref="RolesAnywhereOptions"/> before anything is sent and reports <b>every</b> problem at
/// once, each message naming the setting and the fix. Registered with <c>ValidateOnStart</c>, so a
/// misconfigured host fails at start instead of at its first AWS call.
/// </summary>
internal sealed partial class RolesAnywhereOptionsValidator : IValidateOptions<RolesAnywhereOptions>
{
    public const int MinSessionSeconds = 900;
    public const int MaxSessionSeconds = 43200;

    public ValidateOptionsResult Validate(string? name, RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem with <paramref name="options"/>; empty when they are usable.</summary>
    public static List<string> Collect(RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var trustAnchor = CheckArn(failures, nameof(RolesAnywhereOptions.TrustAnchorArn), options.TrustAnchorArn, "rolesanywhere", "trust-anchor/", "arn:aws:rolesanywhere:{region}:{account}:trust-anchor/{id}");
        var profile = CheckArn(failures, nameof(RolesAnywhereOptions.ProfileArn), options.ProfileArn, "rolesanywhere", "profile/", "arn:aws:rolesanywhere:{region}:{account}:profile/{id}");
        var role = CheckArn(failures, nameof(RolesAnywhereOptions.RoleArn), options.RoleArn, "iam", "role/", "arn:aws:iam::{account}:role/{name}");
        CheckPartitionsAndRegions(failures, options, trustAnchor, profile, role);
        CheckSources(failures, options);
        CheckSession(failures, options);
        CheckTransport(failures, options);
        return failures;
    }

    private static AwsArn? CheckArn(List<string> failures, string setting, string? value, string service, string resourcePrefix, string shape)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{setting} is required: set it to the ARN shown in the IAM Roles Anywhere console ({shape}).");
            return null;
        }

        var regionRule = service == "iam" ? (Func<AwsArn, bool>)(a => a.Region.Length == 0) : a => IsRegion(a.Region);
        if (!AwsArn.TryParse(value, out var arn) || arn.Service != service || !arn.HasAccountId || !regionRule(arn)
            || !arn.Resource.StartsWith(resourcePrefix, StringComparison.Ordinal) || arn.Resource.Length == resourcePrefix.Length)
        {
            failures.Add($"{setting} '{value}' is not a valid ARN of that kind: expected {shape} with a 12-digit account id. Copy the ARN from the console or `aws rolesanywhere list-*`.");
            return null;
        }

        return arn;
    }

    private static void CheckPartitionsAndRegions(List<string> failures, RolesAnywhereOptions options, AwsArn? trustAnchor, AwsArn? profile, AwsArn? role)
    {
        if (trustAnchor is { } ta && profile is { } p && ta.Region != p.Region)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.ProfileArn)} is in region '{p.Region}' but {nameof(RolesAnywhereOptions.TrustAnchorArn)} is in '{ta.Region}': Roles Anywhere resources are regional; use a profile from the trust anchor's region.");
        }

        foreach (var (setting, arn) in new[] { (nameof(RolesAnywhereOptions.TrustAnchorArn), trustAnchor), (nameof(RolesAnywhereOptions.ProfileArn), profile) })
        {
            if (arn is { } a && AwsArn.PartitionOf(a.Region) != a.Partition)
            {
                failures.Add($"{setting} names partition '{a.Partition}' but region '{a.Region}' belongs to partition '{AwsArn.PartitionOf(a.Region)}': fix the ARN's partition or region.");
            }
        }

        if (role is { } r && trustAnchor is { } anchor && r.Partition != anchor.Partition)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.RoleArn)} is in partition '{r.Partition}' but {nameof(RolesAnywhereOptions.TrustAnchorArn)} is in '{anchor.Partition}': the role must be in the trust anchor's partition.");
        }

        if (options.Region is { } region)
        {
            if (!IsRegion(region))
            {
                failures.Add($"{nameof(RolesAnywhereOptions.Region)} '{region}' is not a region name such as 'eu-west-1': fix it, or leave it empty to use the trust anchor's region.");
            }
            else if (trustAnchor is { } a && a.Region != region)
            {
                failures.Add($"{nameof(RolesAnywhereOptions.Region)} '{region}' differs from the region of {nameof(RolesAnywhereOptions.TrustAnchorArn)} ('{a.Region}'): CreateSession must be called in the trust anchor's region; leave {nameof(RolesAnywhereOptions.Region)} empty.");
            }
        }
    }

    private static void CheckSources(List<string> failures, RolesAnywhereOptions options)
    {
        var certificateSources = Count(options.CertificatePath, options.CertificateData, options.Certificate);
        if (SigningKeySourceResolver.ConflictWithStore(options) is { } storeConflict)
        {
            failures.Add(storeConflict);
        }
        else if (certificateSources == 0 && SigningKeySourceResolver.MayProvideCertificate(options))
        {
            // The certificate store, or the PKCS#11 token, supplies the certificate with the key.
        }
        else if (certificateSources == 0)
        {
            failures.Add($"No certificate: set {nameof(RolesAnywhereOptions.CertificatePath)} (PEM, DER or PKCS#12 file), {nameof(RolesAnywhereOptions.CertificateData)} (inline PEM) or {nameof(RolesAnywhereOptions.Certificate)}.");
        }
        else if (certificateSources > 1)
        {
            failures.Add($"More than one certificate source: set only one of {nameof(RolesAnywhereOptions.CertificatePath)}, {nameof(RolesAnywhereOptions.CertificateData)} and {nameof(RolesAnywhereOptions.Certificate)}.");
        }

        if (Count(options.PrivateKeyPath, options.PrivateKeyData, options.SigningKey) > 1)
        {
            failures.Add($"More than one private key source: set only one of {nameof(RolesAnywhereOptions.PrivateKeyPath)}, {nameof(RolesAnywhereOptions.PrivateKeyData)} and {nameof(RolesAnywhereOptions.SigningKey)}.");
        }

        if (Count(options.IntermediatesPath, options.IntermediatesData, options.Intermediates) > 1)
        {
            failures.Add($"More than one source of intermediates: set only one of {nameof(RolesAnywhereOptions.IntermediatesPath)}, {nameof(RolesAnywhereOptions.IntermediatesData)} and {nameof(RolesAnywhereOptions.Intermediates)}.");
        }

        CheckReadable(failures, nameof(RolesAnywhereOptions.CertificatePath), options.CertificatePath);
        CheckReadable(failures, nameof(RolesAnywhereOptions.PrivateKeyPath), options.PrivateKeyPath);
        CheckReadable(failures, nameof(RolesAnywhereOptions.IntermediatesPath), options.IntermediatesPath);
    }

    private static void CheckSession(List<string> failures, RolesAnywhereOptions options)
    {
        var seconds = options.SessionDuration.TotalSeconds;
        if (seconds < MinSessionSeconds || seconds > MaxSessionSeconds)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(RolesAnywhereOptions.SessionDuration)} {options.SessionDuration} is outside 00:15:00 to 12:00:00 ({MinSessionSeconds}–{MaxSessionSeconds} seconds): choose a duration in that range (default 01:00:00)."));
        }

        if (options.RoleSessionName is { } sessionName && !SessionNamePattern().IsMatch(sessionName))
        {
            failures.Add($"{nameof(RolesAnywhereOptions.RoleSessionName)} '{sessionName}' is invalid: use 2 to 64 characters from letters, digits and _+=,.@- (and make sure the Roles Anywhere profile accepts session names).");
        }
    }

    private static void CheckTransport(List<string> failures, RolesAnywhereOptions options)
    {
        if (options.HttpTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.HttpTimeout)} must be positive (default 00:00:30).");
        }

        if (options.RefreshTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.RefreshTimeout)} must be positive (default 00:01:00).");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.MaxRetries)} must be 0 or more (default 3).");
        }

        if (options.Endpoint is not { } endpoint)
        {
            return;
        }

        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{nameof(RolesAnywhereOptions.Endpoint)} '{endpoint}' must be an absolute https:// URI such as https://rolesanywhere.eu-west-1.amazonaws.com.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.Endpoint)} '{endpoint}' uses plain http:// on a non-loopback host: a captured signed request could be replayed; use https://.");
        }

        if (options.UseFipsEndpoint || options.UseDualStackEndpoint)
        {
            failures.Add($"{nameof(RolesAnywhereOptions.Endpoint)} cannot be combined with {nameof(RolesAnywhereOptions.UseFipsEndpoint)} or {nameof(RolesAnywhereOptions.UseDualStackEndpoint)}: a custom endpoint replaces the resolved one; remove one of them.");
        }
    }

    private static void CheckReadable(List<string> failures, string setting, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || SigningKeySourceResolver.IsReference(path))
        {
            return;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = exception switch
            {
                FileNotFoundException or DirectoryNotFoundException => "does not exist",
                UnauthorizedAccessException => "cannot be read (permission denied)",
                _ => "cannot be read (" + exception.Message + ")",
            };
            failures.Add($"{setting} '{path}' {reason}: check the path (relative paths start at '{Environment.CurrentDirectory}') and the file's permissions.");
        }
    }

    private static bool IsRegion(string region) => RegionPattern().IsMatch(region);

    private static int Count(params object?[] sources) => sources.Count(s => s is not null && (s is not string text || !string.IsNullOrWhiteSpace(text)));

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@\-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
