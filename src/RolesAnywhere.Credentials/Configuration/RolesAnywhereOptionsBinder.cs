using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// Binds <see cref="RolesAnywhereOptions"/> from a configuration section without reflection (trimming and AOT
/// safe), only the settings that can come from configuration, and refuses unknown keys and malformed values
/// with a message naming the key and the expected form, instead of silently ignoring them.
/// </summary>
internal sealed class RolesAnywhereOptionsBinder : IConfigureOptions<RolesAnywhereOptions>
{
    private static readonly string[] Keys =
    [
        nameof(RolesAnywhereOptions.TrustAnchorArn), nameof(RolesAnywhereOptions.ProfileArn), nameof(RolesAnywhereOptions.RoleArn),
        nameof(RolesAnywhereOptions.CertificatePath), nameof(RolesAnywhereOptions.PrivateKeyPath), nameof(RolesAnywhereOptions.IntermediatesPath),
        nameof(RolesAnywhereOptions.PrivateKeyPassword), nameof(RolesAnywhereOptions.CertificateData), nameof(RolesAnywhereOptions.PrivateKeyData),
        nameof(RolesAnywhereOptions.IntermediatesData), nameof(RolesAnywhereOptions.Region), nameof(RolesAnywhereOptions.Endpoint),
        nameof(RolesAnywhereOptions.UseFipsEndpoint), nameof(RolesAnywhereOptions.UseDualStackEndpoint), nameof(RolesAnywhereOptions.SessionDuration),
        nameof(RolesAnywhereOptions.RoleSessionName), nameof(RolesAnywhereOptions.HttpTimeout), nameof(RolesAnywhereOptions.RefreshTimeout),
        nameof(RolesAnywhereOptions.MaxRetries), nameof(RolesAnywhereOptions.CertificateSelector), nameof(RolesAnywhereOptions.CertificateStoreName),
        nameof(RolesAnywhereOptions.CertificateStoreLocation), nameof(RolesAnywhereOptions.UseLatestExpiringCertificate),
    ];

    private readonly IConfiguration configuration;

    public RolesAnywhereOptionsBinder(IConfiguration configuration) => this.configuration = configuration;

    public void Configure(RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var child in configuration.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{PathOf(child.Key)} is not a Roles Anywhere setting (misspelled?); the settings are {string.Join(", ", Keys)}.");
            }
        }

        options.TrustAnchorArn = Text(nameof(RolesAnywhereOptions.TrustAnchorArn)) ?? options.TrustAnchorArn;
        options.ProfileArn = Text(nameof(RolesAnywhereOptions.ProfileArn)) ?? options.ProfileArn;
        options.RoleArn = Text(nameof(RolesAnywhereOptions.RoleArn)) ?? options.RoleArn;
        options.CertificatePath = Text(nameof(RolesAnywhereOptions.CertificatePath)) ?? options.CertificatePath;
        options.PrivateKeyPath = Text(nameof(RolesAnywhereOptions.PrivateKeyPath)) ?? options.PrivateKeyPath;
        options.IntermediatesPath = Text(nameof(RolesAnywhereOptions.IntermediatesPath)) ?? options.IntermediatesPath;
        options.PrivateKeyPassword = Text(nameof(RolesAnywhereOptions.PrivateKeyPassword)) ?? options.PrivateKeyPassword;
        options.CertificateData = Text(nameof(RolesAnywhereOptions.CertificateData)) ?? options.CertificateData;
        options.PrivateKeyData = Text(nameof(RolesAnywhereOptions.PrivateKeyData)) ?? options.PrivateKeyData;
        options.IntermediatesData = Text(nameof(RolesAnywhereOptions.IntermediatesData)) ?? options.IntermediatesData;
        options.Region = Text(nameof(RolesAnywhereOptions.Region)) ?? options.Region;
        options.RoleSessionName = Text(nameof(RolesAnywhereOptions.RoleSessionName)) ?? options.RoleSessionName;
        options.CertificateSelector = Text(nameof(RolesAnywhereOptions.CertificateSelector)) ?? options.CertificateSelector;
        options.CertificateStoreName = Text(nameof(RolesAnywhereOptions.CertificateStoreName)) ?? options.CertificateStoreName;
        options.CertificateStoreLocation = Parse<StoreLocation>(nameof(RolesAnywhereOptions.CertificateStoreLocation), "CurrentUser or LocalMachine", static (string s, out StoreLocation v) => Enum.TryParse(s, ignoreCase: true, out v) && Enum.IsDefined(v), options.CertificateStoreLocation);
        options.UseLatestExpiringCertificate = Parse<bool>(nameof(RolesAnywhereOptions.UseLatestExpiringCertificate), "true or false", bool.TryParse, options.UseLatestExpiringCertificate);
        options.Endpoint = Parse<Uri?>(nameof(RolesAnywhereOptions.Endpoint), "an absolute URI such as https://rolesanywhere.eu-west-1.amazonaws.com", static (string s, out Uri? v) => Uri.TryCreate(s, UriKind.Absolute, out v), options.Endpoint);
        options.UseFipsEndpoint = Parse<bool>(nameof(RolesAnywhereOptions.UseFipsEndpoint), "true or false", bool.TryParse, options.UseFipsEndpoint);
        options.UseDualStackEndpoint = Parse<bool>(nameof(RolesAnywhereOptions.UseDualStackEndpoint), "true or false", bool.TryParse, options.UseDualStackEndpoint);
        options.SessionDuration = Parse<TimeSpan>(nameof(RolesAnywhereOptions.SessionDuration), "a duration such as 01:00:00", TryParseTimeSpan, options.SessionDuration);
        options.HttpTimeout = Parse<TimeSpan>(nameof(RolesAnywhereOptions.HttpTimeout), "a duration such as 00:00:30", TryParseTimeSpan, options.HttpTimeout);
        options.RefreshTimeout = Parse<TimeSpan>(nameof(RolesAnywhereOptions.RefreshTimeout), "a duration such as 00:01:00", TryParseTimeSpan, options.RefreshTimeout);
        options.MaxRetries = Parse<int>(nameof(RolesAnywhereOptions.MaxRetries), "a whole number such as 3", static (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), options.MaxRetries);

        if (failures.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(string.Join(" ", failures));
        }

        string? Text(string key) => configuration[key] is { Length: > 0 } value ? value : null;

        // The configured value, or the current one when the key is absent or (reported in failures) invalid.
        T Parse<T>(string key, string expected, TryParser<T> tryParse, T current)
        {
            if (Text(key) is not { } text)
            {
                return current;
            }

            if (tryParse(text.Trim(), out var value))
            {
                return value;
            }

            failures.Add($"{PathOf(key)}: '{text}' is not valid; expected {expected}.");
            return current;
        }
    }

    private delegate bool TryParser<T>(string text, out T value);

    private string PathOf(string key) => configuration is IConfigurationSection section ? section.Path + ":" + key : key;

    private static bool TryParseTimeSpan(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
}
