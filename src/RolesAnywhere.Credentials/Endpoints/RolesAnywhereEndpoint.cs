using System.Net;
using RolesAnywhere.Credentials.Configuration;

namespace RolesAnywhere.Credentials.Endpoints;

/// <summary>
/// Where CreateSession requests go and the region they are signed for. The signing region is always
/// the plain region (<c>us-east-1</c>), never a <c>-fips</c> pseudo-region.
/// </summary>
internal sealed class RolesAnywhereEndpoint
{
    private const string ServiceName = "rolesanywhere";
    private const string FipsServiceName = "rolesanywhere-fips";
    private const string SessionsPath = "/sessions";

    private RolesAnywhereEndpoint(Uri sessionsUri, string signingRegion)
    {
        SessionsUri = sessionsUri;
        SigningRegion = signingRegion;
    }

    /// <summary>Gets the absolute URI of <c>POST /sessions</c>.</summary>
    public Uri SessionsUri { get; }

    /// <summary>Gets the region in the credential scope.</summary>
    public string SigningRegion { get; }

    /// <summary>Gets the <c>Host</c> header value: the host, with the port when it is not the scheme's default.</summary>
    public string Host => SessionsUri.Authority;

    /// <summary>
    /// Resolves the endpoint from the region and partition, or takes <paramref name="customEndpoint"/>;
    /// adds a message to <paramref name="failures"/> and returns <see langword="null"/> when the settings conflict.
    /// </summary>
    public static RolesAnywhereEndpoint? Resolve(string region, Partition partition, bool useFips, bool useDualStack, Uri? customEndpoint, ICollection<SettingProblem> failures)
    {
        if (customEndpoint is not null)
        {
            return FromCustom(region, useFips, useDualStack, customEndpoint, failures);
        }

        string suffix;
        if (useDualStack)
        {
            if (partition.DualStackDnsSuffix is null)
            {
                failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.UseDualStackEndpoint), $"the {partition.Name} partition has no dual-stack Roles Anywhere endpoint. Set UseDualStackEndpoint to false."));
                return null;
            }

            suffix = partition.DualStackDnsSuffix;
        }
        else
        {
            suffix = partition.DnsSuffix;
        }

        var service = useFips ? FipsServiceName : ServiceName;
        var uri = new Uri($"https://{service}.{region}.{suffix}{SessionsPath}", UriKind.Absolute);
        return new RolesAnywhereEndpoint(uri, region);
    }

    private static RolesAnywhereEndpoint? FromCustom(string region, bool useFips, bool useDualStack, Uri endpoint, ICollection<SettingProblem> failures)
    {
        var start = failures.Count;
        if (useFips || useDualStack)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Endpoint), $"a custom endpoint ('{endpoint}') cannot be combined with UseFipsEndpoint or UseDualStackEndpoint; give the FIPS or dual-stack host as the Endpoint itself, or remove Endpoint."));
        }

        if (!endpoint.IsAbsoluteUri)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Endpoint), $"'{endpoint}' is not an absolute URI; give scheme, host and optional port, such as 'https://rolesanywhere.eu-west-1.amazonaws.com'."));
            return null;
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp)
        {
            if (!IsLoopback(endpoint))
            {
                failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Endpoint), $"plain http is accepted only for loopback addresses, and '{endpoint.Host}' is not one (a captured signed request could be replayed for minutes). Use https://."));
            }
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Endpoint), $"the scheme '{endpoint.Scheme}' is not supported; use https:// (or http:// on loopback)."));
        }

        if (endpoint.AbsolutePath != "/" || endpoint.Query.Length != 0 || endpoint.Fragment.Length != 0 || endpoint.UserInfo.Length != 0)
        {
            failures.Add(new SettingProblem(nameof(RolesAnywhereOptions.Endpoint), $"'{endpoint}' must hold only a scheme, host and optional port (no path, query, fragment or user info); the library appends {SessionsPath}."));
        }

        if (failures.Count != start)
        {
            return null;
        }

        var builder = new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port, SessionsPath);
        return new RolesAnywhereEndpoint(builder.Uri, region);
    }

    private static bool IsLoopback(Uri endpoint)
    {
        if (endpoint.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(endpoint.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }

    public override string ToString() => SessionsUri.ToString();
}
