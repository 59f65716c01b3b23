using System.Net;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>The CIDR ranges CreateSession is expected from (<c>10.0.0.0/8,2001:db8::/32</c>; a bare address is a /32 or /128).</summary>
internal sealed class AllowedNetworks
{
    private readonly IPNetwork[] _networks;

    private AllowedNetworks(IPNetwork[] networks, string text)
    {
        _networks = networks;
        Text = text;
    }

    public string Text { get; }

    /// <summary>Whether <paramref name="address"/> is an IP address inside a range; <see langword="null"/> when it is no address at all (a service name).</summary>
    public bool? Contains(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip))
        {
            return null;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(ip))
            {
                return true;
            }
        }

        return false;
    }

    /// <exception cref="AuditInputException">An entry is not a CIDR range.</exception>
    public static AllowedNetworks Parse(string text)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (IPNetwork.TryParse(entry, out var network) && IPAddress.TryParse(entry.AsSpan(0, slash < 0 ? entry.Length : slash), out var written) && written.Equals(network.BaseAddress))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var single))
            {
                networks.Add(new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new AuditInputException($"--allowed-cidrs: '{entry}' is not a CIDR range; write for example 203.0.113.0/24,2001:db8::/32 (host bits must be zero).");
            }
        }

        if (networks.Count == 0)
        {
            throw new AuditInputException("--allowed-cidrs is empty; give at least one range such as 203.0.113.0/24.");
        }

        return new AllowedNetworks([.. networks], text);
    }
}
