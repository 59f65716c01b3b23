using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>
/// Refuses DNS rebinding before any handler runs. A web page whose name rebinds to 127.0.0.1 is
/// same-origin with the server, so IMDSv2's PUT plus custom header protects nothing: the browser then
/// sends the page's own name as <c>Host</c>. Allowed are only hosts that no DNS answer can stand for — a
/// loopback literal (<c>127.x.x.x</c>, <c>[::1]</c>) or <c>localhost</c>, with the port the connection
/// arrived on — and, on the container endpoint, the <c>--container-host</c> address (any IP literal when
/// it is a wildcard). A request carrying <c>Origin</c> or <c>Sec-Fetch-Site: cross-site|same-site</c>
/// comes from a browser, never from an SDK. Refused requests get 403 and an empty body.
/// </summary>
internal sealed class HostGuard
{
    private readonly IPAddress? containerHost;
    private readonly bool anyAddressLiteral;

    private HostGuard(IPAddress? containerHost)
    {
        this.containerHost = containerHost;
        anyAddressLiteral = containerHost is not null && (containerHost.Equals(IPAddress.Any) || containerHost.Equals(IPAddress.IPv6Any));
    }

    /// <summary>The IMDS rule: loopback literals and <c>localhost</c> only.</summary>
    public static HostGuard ForImds { get; } = new(null);

    /// <summary>The container endpoint's rule: loopback, <c>localhost</c>, and the address it was bound to.</summary>
    public static HostGuard ForContainer(IPAddress boundAddress) => new(boundAddress);

    /// <summary>Wraps <paramref name="next"/> so refused requests never reach it.</summary>
    public RequestDelegate Protect(RequestDelegate next) => context =>
    {
        // The Host header as sent: Request.Host decodes punycode labels and throws on an invalid one ("xn--a"; found by
        // fuzzing), which would answer 500 instead of 403. No name the rule accepts has such a label.
        var host = new HostString(context.Request.Headers.Host.ToString());
        if (IsFromBrowser(context.Request.Headers) || !IsAllowedHost(host, context.Connection.LocalPort))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return next(context);
    };

    /// <summary>True when <paramref name="host"/> names this server on <paramref name="localPort"/> without going through DNS.</summary>
    public bool IsAllowedHost(HostString host, int localPort)
    {
        if (!host.HasValue || (host.Port ?? 80) != localPort)
        {
            return false;
        }

        var name = host.Host;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!TryParseLiteral(name, out var address))
        {
            return false;
        }

        return IPAddress.IsLoopback(address) || anyAddressLiteral || address.Equals(containerHost);
    }

    private static bool IsFromBrowser(IHeaderDictionary headers) =>
        headers.ContainsKey("Origin")
        || headers["Sec-Fetch-Site"].Any(v => string.Equals(v, "cross-site", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "same-site", StringComparison.OrdinalIgnoreCase));

    /// <summary>An IPv6 literal in brackets or a dotted-quad IPv4 literal (not the short or hex forms a resolver might see differently).</summary>
    private static bool TryParseLiteral(string name, out IPAddress address)
    {
        address = IPAddress.None;
        if (name.Length > 2 && name[0] == '[' && name[^1] == ']')
        {
            return IPAddress.TryParse(name.AsSpan(1, name.Length - 2), out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = name.Split('.');
        return parts.Length == 4
            && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255)
            && IPAddress.TryParse(name, out address!);
    }
}
