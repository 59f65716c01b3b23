using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace RolesAnywhere.Credentials.Signing;

/// <content>The header-value formatters and the string to sign.</content>
public sealed partial class RolesAnywhereRequestSigner
{
    /// <summary>Formats a signing time as an <c>X-Amz-Date</c> value, <c>yyyyMMddTHHmmssZ</c> in UTC, without allocating.</summary>
    /// <param name="timestamp">The signing time; converted to UTC.</param>
    /// <param name="destination">Receives the value; <see cref="AmzDateLength"/> characters.</param>
    /// <param name="charsWritten"><see cref="AmzDateLength"/>, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small; otherwise <see langword="true"/>.</returns>
    internal static bool TryFormatAmzDate(DateTimeOffset timestamp, Span<char> destination, out int charsWritten)
    {
        if (destination.Length < AmzDate.Length)
        {
            charsWritten = 0;
            return false;
        }

        AmzDate.Write(timestamp.UtcDateTime, destination);
        charsWritten = AmzDate.Length;
        return true;
    }

    /// <summary>Formats a signing time as an <c>X-Amz-Date</c> value, <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    /// <param name="timestamp">The signing time; converted to UTC.</param>
    /// <returns>For example <c>20261124T010203Z</c>.</returns>
    public static string FormatAmzDate(DateTimeOffset timestamp) =>
        string.Create(AmzDate.Length, timestamp.UtcDateTime, static (span, utc) => AmzDate.Write(utc, span));

    /// <summary>
    /// Formats query parameters the way the signer canonicalizes them: RFC 3986-encoded (UTF-8, <c>%XX</c>
    /// upper-case, space as <c>%20</c>) and sorted by name. Send exactly this after the <c>?</c>.
    /// </summary>
    /// <param name="parameters">The unencoded parameters; <see langword="null"/> or empty for none.</param>
    /// <returns>The query string without the leading <c>?</c>; empty when there are no parameters.</returns>
    /// <exception cref="ArgumentException">A name or value is <see langword="null"/> or not valid UTF-16.</exception>
    internal static string FormatQueryString(IReadOnlyList<KeyValuePair<string, string>>? parameters)
    {
        int length = CanonicalQueryWriter.GetLength(parameters, nameof(parameters));
        if (length == 0)
        {
            return string.Empty;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int written = CanonicalQueryWriter.Write(parameters, length, buffer);
            return Encoding.ASCII.GetString(buffer, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Formats the <c>Host</c> header value HTTP clients send for an endpoint: the (punycode) host name,
    /// followed by <c>:port</c> when the port is not the scheme's default.
    /// </summary>
    /// <param name="endpoint">An absolute <c>https</c> or <c>http</c> URI, such as <c>https://rolesanywhere.us-east-1.amazonaws.com</c>.</param>
    /// <returns>For example <c>rolesanywhere.us-east-1.amazonaws.com</c> or <c>127.0.0.1:8443</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not absolute.</exception>
    internal static string FormatHostHeader(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"The endpoint '{endpoint}' is not an absolute URI; pass one such as 'https://rolesanywhere.us-east-1.amazonaws.com'.", nameof(endpoint));
        }

        string host = endpoint.HostNameType == UriHostNameType.IPv6 ? $"[{endpoint.DnsSafeHost}]" : endpoint.IdnHost;
        return endpoint.IsDefaultPort ? host : $"{host}:{endpoint.Port}";
    }

    /// <summary>Returns the canonical request as text, for tests and diagnostics.</summary>
    internal string GetCanonicalRequest(in SigningRequest request)
    {
        int queryLength = SigningRequestValidator.Validate(request, nameof(request));
        Span<byte> amzDate = stackalloc byte[AmzDate.Length];
        AmzDate.Write(request.Timestamp.UtcDateTime, amzDate);
        Span<byte> bodyHashHex = stackalloc byte[CanonicalRequestWriter.Sha256HexLength];
        _bodyHashCache.WriteHexDigest(request.Body.Span, bodyHashHex);
        byte[] buffer = new byte[CanonicalRequestWriter.GetMaxLength(request, queryLength, _certificateLines.Length, _signedHeadersBytes.Length)];
        int written = CanonicalRequestWriter.Write(request, queryLength, amzDate, _certificateLines, _signedHeadersBytes, bodyHashHex, buffer);
        return Encoding.UTF8.GetString(buffer, 0, written);
    }

    /// <summary>Returns the string to sign as text, for tests and diagnostics.</summary>
    internal string GetStringToSign(in SigningRequest request)
    {
        int queryLength = SigningRequestValidator.Validate(request, nameof(request));
        Span<byte> buffer = stackalloc byte[MaxStringToSignLength];
        int written = WriteStringToSign(request, queryLength, buffer);
        return Encoding.ASCII.GetString(buffer[..written]);
    }

    /// <summary>Validates the request and writes the SHA-256 of its canonical request (for benchmarks and tests).</summary>
    internal void HashCanonicalRequest(in SigningRequest request, Span<byte> destination)
    {
        int queryLength = SigningRequestValidator.Validate(request, nameof(request));
        Span<byte> amzDate = stackalloc byte[AmzDate.Length];
        AmzDate.Write(request.Timestamp.UtcDateTime, amzDate);
        HashCanonicalRequest(request, queryLength, amzDate, destination);
    }

    /// <summary>
    /// Writes <c>{algorithm}\n{X-Amz-Date}\n{yyyyMMdd}/{region}/rolesanywhere/aws4_request\n{hex sha256(canonical request)}</c>;
    /// returns the number of bytes written (at most <see cref="MaxStringToSignLength"/>).
    /// </summary>
    private int WriteStringToSign(in SigningRequest request, int queryLength, Span<byte> destination)
    {
        Span<byte> amzDate = stackalloc byte[AmzDate.Length];
        AmzDate.Write(request.Timestamp.UtcDateTime, amzDate);
        Span<byte> canonicalHash = stackalloc byte[SHA256.HashSizeInBytes];
        HashCanonicalRequest(request, queryLength, amzDate, canonicalHash);

        _algorithmLine.CopyTo(destination);
        int written = _algorithmLine.Length;
        amzDate.CopyTo(destination[written..]);
        written += AmzDate.Length;
        destination[written++] = (byte)'\n';
        amzDate[..AmzDate.DateStampLength].CopyTo(destination[written..]);
        written += AmzDate.DateStampLength;
        destination[written++] = (byte)'/';
        written += Encoding.ASCII.GetBytes(request.Region, destination[written..]);
        written += Encoding.ASCII.GetBytes(ScopeTerminator, destination[written..]);
        destination[written++] = (byte)'\n';
        written += LowerHex.Write(canonicalHash, destination[written..]);
        return written;
    }

    /// <summary>Writes the canonical request into a pooled buffer, hashes it, and zeroes and returns the buffer.</summary>
    private void HashCanonicalRequest(in SigningRequest request, int queryLength, ReadOnlySpan<byte> amzDate, Span<byte> hash)
    {
        Span<byte> bodyHashHex = stackalloc byte[CanonicalRequestWriter.Sha256HexLength];
        _bodyHashCache.WriteHexDigest(request.Body.Span, bodyHashHex);
        int maxCanonicalLength = CanonicalRequestWriter.GetMaxLength(request, queryLength, _certificateLines.Length, _signedHeadersBytes.Length);
        byte[] canonical = ArrayPool<byte>.Shared.Rent(maxCanonicalLength);
        int canonicalLength = 0;
        try
        {
            canonicalLength = CanonicalRequestWriter.Write(request, queryLength, amzDate, _certificateLines, _signedHeadersBytes, bodyHashHex, canonical);
            SHA256.HashData(canonical.AsSpan(0, canonicalLength), hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(canonical.AsSpan(0, canonicalLength));
            ArrayPool<byte>.Shared.Return(canonical);
        }
    }

    private int GetAuthorizationHeaderLength(int regionLength, int signatureLength) =>
        _authorizationPrefix.Length + AmzDate.DateStampLength + 1 + regionLength + _authorizationMiddle.Length + (2 * signatureLength);

    /// <summary>Writes <c>{algorithm} Credential={serial}/{yyyyMMdd}/{region}/rolesanywhere/aws4_request, SignedHeaders=…, Signature={hex}</c>.</summary>
    private bool TryWriteAuthorizationHeader(in SigningRequest request, ReadOnlySpan<byte> signature, Span<char> destination, out int charsWritten)
    {
        int length = GetAuthorizationHeaderLength(request.Region.Length, signature.Length);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        _authorizationPrefix.CopyTo(destination);
        int written = _authorizationPrefix.Length;
        Span<char> amzDate = stackalloc char[AmzDate.Length];
        AmzDate.Write(request.Timestamp.UtcDateTime, amzDate);
        amzDate[..AmzDate.DateStampLength].CopyTo(destination[written..]);
        written += AmzDate.DateStampLength;
        destination[written++] = '/';
        request.Region.CopyTo(destination[written..]);
        written += request.Region.Length;
        _authorizationMiddle.CopyTo(destination[written..]);
        written += _authorizationMiddle.Length;
        written += LowerHex.Write(signature, destination[written..]);
        charsWritten = written;
        return true;
    }

    private string FormatAuthorizationHeader(in SigningRequest request, ReadOnlySpan<byte> signature)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(GetAuthorizationHeaderLength(request.Region.Length, signature.Length));
        try
        {
            _ = TryWriteAuthorizationHeader(request, signature, buffer, out int written);
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
