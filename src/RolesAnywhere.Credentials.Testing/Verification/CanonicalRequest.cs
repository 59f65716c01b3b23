using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>
/// Rebuilds the SigV4 canonical request and string to sign from what the server received. Written
/// independently of the product's signer (which this assembly must not reference), so a canonicalization
/// bug cannot hide in both.
/// </summary>
internal static class CanonicalRequest
{
    public static string Build(SignedRequest request, IReadOnlyList<string> signedHeaders)
    {
        var builder = new StringBuilder(1024);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(CanonicalPath(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var value = request.GetHeader(name)
                ?? throw RequestRejectedException.BadSignature($"The signed header '{name}' is not in the request.");
            builder.Append(name).Append(':').Append(CanonicalHeaderValue(value)).Append('\n');
        }

        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(HexSha256(request.Body));
        return builder.ToString();
    }

    public static string StringToSign(string algorithm, string amzDate, string scope, string canonicalRequest) =>
        string.Create(CultureInfo.InvariantCulture, $"{algorithm}\n{amzDate}\n{scope}\n{HexSha256(Encoding.UTF8.GetBytes(canonicalRequest))}");

    public static string HexSha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();

    /// <summary>Each raw path segment percent-encoded once more, as botocore does for every service but S3.</summary>
    private static string CanonicalPath(string rawPath) =>
        string.Join('/', rawPath.Split('/').Select(segment => Rfc3986.Encode(segment)));

    private static string CanonicalQuery(SignedRequest request)
    {
        var pairs = request.QueryParameters()
            .Select(p => (Name: Rfc3986.Encode(p.Key), Value: Rfc3986.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Trims the value and collapses inner runs of spaces to one.</summary>
    private static string CanonicalHeaderValue(string value)
    {
        var trimmed = value.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            var space = c == ' ';
            if (!(space && previousSpace))
            {
                builder.Append(c);
            }

            previousSpace = space;
        }

        return builder.ToString();
    }
}
