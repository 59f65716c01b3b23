using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Sessions.Wire;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// The checked, immutable form of the CreateSession part of <see cref="RolesAnywhereOptions"/>: ARNs,
/// endpoint, duration, session name, timeouts, retries and the request body (built once).
/// </summary>
internal sealed partial class SessionSettings
{
    internal static readonly TimeSpan MinSessionDuration = TimeSpan.FromSeconds(900);
    internal static readonly TimeSpan MaxSessionDuration = TimeSpan.FromSeconds(43200);
    internal const int MaxRetriesLimit = 10;

    private SessionSettings(ResourceArns arns, RolesAnywhereEndpoint endpoint, int durationSeconds, string? roleSessionName, RolesAnywhereOptions options)
    {
        Arns = arns;
        Endpoint = endpoint;
        DurationSeconds = durationSeconds;
        RoleSessionName = roleSessionName;
        HttpTimeout = options.HttpTimeout;
        RefreshTimeout = options.RefreshTimeout;
        MaxRetries = options.MaxRetries;
        RequestBody = JsonSerializer.SerializeToUtf8Bytes(
            new CreateSessionRequestBody
            {
                DurationSeconds = durationSeconds,
                ProfileArn = arns.Profile.Value,
                RoleArn = arns.Role.Value,
                TrustAnchorArn = arns.TrustAnchor.Value,
                RoleSessionName = roleSessionName,
            },
            SessionJsonContext.Default.CreateSessionRequestBody);
    }

    public ResourceArns Arns { get; }

    public RolesAnywhereEndpoint Endpoint { get; }

    public int DurationSeconds { get; }

    public string? RoleSessionName { get; }

    public TimeSpan HttpTimeout { get; }

    public TimeSpan RefreshTimeout { get; }

    public int MaxRetries { get; }

    /// <summary>Gets the JSON body of every CreateSession request (the ARNs travel in the body, not the query).</summary>
    public byte[] RequestBody { get; }

    /// <summary>Checks <paramref name="options"/> and reports every problem at once.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">One or more settings are invalid; the message lists them all.</exception>
    public static SessionSettings FromOptions(RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<SettingProblem>();
        var settings = TryCreate(options, failures);
        if (settings is null)
        {
            throw new RolesAnywhereConfigurationException(failures);
        }

        return settings;
    }

    /// <summary>Checks <paramref name="options"/>, adding one problem (with the setting it is about) per problem found; <see langword="null"/> when any was found.</summary>
    public static SessionSettings? TryCreate(RolesAnywhereOptions options, ICollection<SettingProblem> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        var start = failures.Count;
        var arns = ResourceArns.Parse(options.TrustAnchorArn, options.ProfileArn, options.RoleArn, options.Region, failures);
        RolesAnywhereEndpoint? endpoint = null;
        if (arns is not null)
        {
            endpoint = RolesAnywhereEndpoint.Resolve(arns.Region, arns.Partition, options.UseFipsEndpoint || arns.RegionIsFips, options.UseDualStackEndpoint, options.Endpoint, failures);
        }

        var duration = options.SessionDuration;
        if (duration < MinSessionDuration || duration > MaxSessionDuration)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.SessionDuration), string.Create(CultureInfo.InvariantCulture, $"{duration} is outside what the service accepts; use 00:15:00 to 12:00:00 (and no more than the profile's own durationSeconds).")));
        }

        var sessionName = string.IsNullOrEmpty(options.RoleSessionName) ? null : options.RoleSessionName;
        if (sessionName is not null && !SessionNamePattern().IsMatch(sessionName))
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.RoleSessionName), $"'{sessionName}' is not a valid role session name; use 2 to 64 characters of letters, digits and +=,.@_-, or leave it empty."));
        }

        if (options.HttpTimeout <= TimeSpan.Zero && options.HttpTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.HttpTimeout), string.Create(CultureInfo.InvariantCulture, $"{options.HttpTimeout} must be positive, such as 00:00:30.")));
        }

        if (options.RefreshTimeout <= TimeSpan.Zero && options.RefreshTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.RefreshTimeout), string.Create(CultureInfo.InvariantCulture, $"{options.RefreshTimeout} must be positive, such as 00:01:00.")));
        }

        if (options.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.MaxRetries), string.Create(CultureInfo.InvariantCulture, $"{options.MaxRetries} must be between 0 and {MaxRetriesLimit}.")));
        }

        if (failures.Count != start || arns is null || endpoint is null)
        {
            return null;
        }

        return new SessionSettings(arns, endpoint, (int)duration.TotalSeconds, sessionName, options);
    }

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
