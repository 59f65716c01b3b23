using Amazon;
using Amazon.SecurityToken;
using RolesAnywhere.Credentials;

namespace QuickStart;

/// <summary>The real-AWS mode's arguments, named like aws_signing_helper's flags.</summary>
internal sealed class QuickStartArguments
{
    public const string Usage = """
        usage: QuickStart                       (offline demo against the bundled emulator)
               QuickStart --trust-anchor-arn ARN --profile-arn ARN --role-arn ARN
                          --certificate FILE --private-key FILE [--intermediates FILE]
                          [--region REGION] [--session-duration SECONDS] [--role-session-name NAME]
                          [--endpoint URL] [--sts-endpoint URL]
        """;

    private QuickStartArguments(RolesAnywhereOptions options, AmazonSecurityTokenServiceConfig stsConfig)
    {
        Options = options;
        StsConfig = stsConfig;
    }

    public RolesAnywhereOptions Options { get; }

    public AmazonSecurityTokenServiceConfig StsConfig { get; }

    public static QuickStartArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;
        var options = new RolesAnywhereOptions
        {
            TrustAnchorArn = Take("trust-anchor-arn"),
            ProfileArn = Take("profile-arn"),
            RoleArn = Take("role-arn"),
            CertificatePath = Take("certificate"),
            PrivateKeyPath = Take("private-key"),
            IntermediatesPath = Take("intermediates"),
            Region = Take("region"),
            RoleSessionName = Take("role-session-name"),
        };
        if (Take("session-duration") is { } seconds)
        {
            options.SessionDuration = TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Take("endpoint") is { } endpoint)
        {
            options.Endpoint = new Uri(endpoint);
        }

        var arnParts = options.TrustAnchorArn?.Split(':') ?? [];
        var region = options.Region ?? (arnParts.Length > 3 ? arnParts[3] : null);
        var stsConfig = new AmazonSecurityTokenServiceConfig();
        if (Take("sts-endpoint") is { } stsEndpoint)
        {
            stsConfig.ServiceURL = stsEndpoint;
            stsConfig.AuthenticationRegion = region;
        }
        else if (!string.IsNullOrEmpty(region))
        {
            stsConfig.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s) {string.Join(", ", values.Keys.Select(k => "--" + k))}.{Environment.NewLine}{Usage}");
        }

        return new QuickStartArguments(options, stsConfig);
    }
}
