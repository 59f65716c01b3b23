namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// A request as it arrived on the wire: the raw (still percent-encoded) path and query, every header
/// occurrence in order, and the body bytes. The verifier works only on this shape so that it can be
/// fed captured requests (the shared vectors) as well as live Kestrel requests.
/// </summary>
internal sealed class SignedRequest
{
    public SignedRequest(string method, string rawPath, string rawQuery, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        RawPath = string.IsNullOrEmpty(rawPath) ? "/" : rawPath;
        RawQuery = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    public string RawPath { get; }

    public string RawQuery { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    /// <summary>Whether the header occurs at all (an empty value still counts).</summary>
    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>All occurrences of a header joined by a comma, as SigV4 canonicalizes them; null when absent.</summary>
    public string? GetHeader(string name)
    {
        string? joined = null;
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                joined = joined is null ? header.Value : joined + "," + header.Value;
            }
        }

        return joined;
    }

    /// <summary>Parses the query string into decoded name/value pairs (a name without '=' has an empty value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> QueryParameters()
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return result;
    }
}
