using System.Text.RegularExpressions;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// One <c>name=value</c> part of a PKCS#11 URI as the user wrote it, with raw characters percent-encoded, so that
/// Pkcs11Interop's parser reads it as RFC 7512 means and as the official helper reads it. Values stay encoded:
/// decoding is Pkcs11Interop's.
/// </summary>
internal sealed record Pkcs11UriAttribute(string Name, string Value, bool HasEquals, bool InQuery)
{
    /// <summary>Gets whether the value has a <c>%</c> not followed by two hex digits.</summary>
    public bool HasBadPercent => Regex.IsMatch(Value, "%(?![0-9A-Fa-f]{2})", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Splits what follows <c>pkcs11:</c> into its path (<c>;</c>) and query (<c>&amp;</c>) attributes. Empty parts
    /// (<c>pkcs11:;object=k;;</c>) are dropped, as this project always accepted; Pkcs11Interop refuses them.
    /// </summary>
    public static List<Pkcs11UriAttribute> Split(string afterScheme)
    {
        int question = afterScheme.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? afterScheme : afterScheme[..question];
        string query = question < 0 ? string.Empty : afterScheme[(question + 1)..];
        return
        [
            .. path.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part => Create(part, inQuery: false)),
            .. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part => Create(part, inQuery: true)),
        ];
    }

    /// <summary>Writes <paramref name="attributes"/> back as one URI in Pkcs11Interop's form (lower-case scheme, no empty parts).</summary>
    public static string Join(IEnumerable<Pkcs11UriAttribute> attributes)
    {
        string path = string.Join(';', attributes.Where(a => !a.InQuery).Select(a => a.Text));
        string query = string.Join('&', attributes.Where(a => a.InQuery).Select(a => a.Text));
        return Pkcs11Uri.Scheme + path + (query.Length == 0 ? string.Empty : "?" + query);
    }

    private string Text => HasEquals ? Name + "=" + Value : Name;

    private static Pkcs11UriAttribute Create(string part, bool inQuery)
    {
        int equals = part.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new(Encode(part), string.Empty, HasEquals: false, inQuery)
            : new(Encode(part[..equals]), Encode(part[(equals + 1)..]), HasEquals: true, inQuery);
    }

    /// <summary>
    /// Percent-encodes (as UTF-8) every character but the unreserved ones, leaving <c>%</c> sequences as written.
    /// Users write spaces, <c>/</c>, <c>#</c> or <c>é</c> raw in labels and PINs; this project and the official helper
    /// (Go's <c>url.PathUnescape</c>) read them as themselves. Pkcs11Interop refuses most of them and silently drops
    /// whitespace: a PIN <c>12 34</c> would become <c>1234</c>, and a wrong PIN brings the token closer to locking.
    /// </summary>
    private static string Encode(string text) => string.Join('%', text.Split('%').Select(Uri.EscapeDataString));
}
