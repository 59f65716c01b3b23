using System.Security.Cryptography;
using System.Text;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Writes the SigV4 canonical request of a <c>CreateSession</c> call as UTF-8 bytes:
/// <c>POST\n{path}\n{query}\n{headers}\n{signed headers}\n{hex sha256(body)}</c>, with <c>\n</c> line
/// ends on every OS and the headers lower-cased, sorted and trimmed.
/// </summary>
internal static class CanonicalRequestWriter
{
    /// <summary>The length of a SHA-256 digest in lower-case hex.</summary>
    public const int Sha256HexLength = 2 * SHA256.HashSizeInBytes;

    private static ReadOnlySpan<byte> MethodLine => "POST\n"u8;

    private static ReadOnlySpan<byte> ContentTypePrefix => "content-type:"u8;

    private static ReadOnlySpan<byte> HostPrefix => "host:"u8;

    private static ReadOnlySpan<byte> DatePrefix => "x-amz-date:"u8;

    /// <summary>
    /// Returns an upper bound of the canonical request's length (exact unless header values carry
    /// whitespace to trim or collapse).
    /// </summary>
    /// <param name="request">A request already checked by <see cref="SigningRequestValidator"/>.</param>
    /// <param name="queryLength">The canonical query's length.</param>
    /// <param name="certificateLinesLength">The length of the precomputed <c>x-amz-x509</c> (and chain) header lines.</param>
    /// <param name="signedHeadersLength">The length of the signed-headers list.</param>
    public static int GetMaxLength(in SigningRequest request, int queryLength, int certificateLinesLength, int signedHeadersLength) =>
        MethodLine.Length + request.Path.Length + 1 + queryLength + 1
        + ContentTypePrefix.Length + request.ContentType.Length + 1
        + HostPrefix.Length + request.Host.Length + 1
        + DatePrefix.Length + AmzDate.Length + 1
        + certificateLinesLength + 1
        + signedHeadersLength + 1
        + Sha256HexLength;

    /// <summary>Writes the canonical request; returns the number of bytes written.</summary>
    /// <param name="request">A request already checked by <see cref="SigningRequestValidator"/>.</param>
    /// <param name="queryLength">The canonical query's length, from the validator.</param>
    /// <param name="amzDate">The <c>X-Amz-Date</c> value as ASCII.</param>
    /// <param name="certificateLines">The precomputed <c>x-amz-x509:…\n</c> (and <c>x-amz-x509-chain:…\n</c>) lines.</param>
    /// <param name="signedHeaders">The signed-headers list, such as <c>content-type;host;x-amz-date;x-amz-x509</c>.</param>
    /// <param name="bodyHashHex">The lower-case hex SHA-256 of the body (64 bytes).</param>
    /// <param name="destination">At least <see cref="GetMaxLength"/> bytes.</param>
    public static int Write(
        in SigningRequest request,
        int queryLength,
        ReadOnlySpan<byte> amzDate,
        ReadOnlySpan<byte> certificateLines,
        ReadOnlySpan<byte> signedHeaders,
        ReadOnlySpan<byte> bodyHashHex,
        Span<byte> destination)
    {
        int written = Append(MethodLine, destination, 0);
        Ascii.FromUtf16(request.Path, destination[written..], out int pathBytes);
        written += pathBytes;
        destination[written++] = (byte)'\n';
        written += CanonicalQueryWriter.Write(request.QueryParameters, queryLength, destination[written..]);
        destination[written++] = (byte)'\n';

        written = Append(ContentTypePrefix, destination, written);
        written += WriteHeaderValue(request.ContentType, destination[written..]);
        destination[written++] = (byte)'\n';
        written = Append(HostPrefix, destination, written);
        written += WriteHeaderValue(request.Host, destination[written..]);
        destination[written++] = (byte)'\n';
        written = Append(DatePrefix, destination, written);
        written = Append(amzDate, destination, written);
        destination[written++] = (byte)'\n';
        written = Append(certificateLines, destination, written);
        destination[written++] = (byte)'\n';

        written = Append(signedHeaders, destination, written);
        destination[written++] = (byte)'\n';
        written = Append(bodyHashHex, destination, written);
        return written;
    }

    /// <summary>
    /// Writes an ASCII header value with leading and trailing whitespace removed and each inner run of
    /// spaces and tabs collapsed to one space; returns the number of bytes written.
    /// </summary>
    public static int WriteHeaderValue(ReadOnlySpan<char> value, Span<byte> destination)
    {
        value = value.Trim(" \t");
        int written = 0;
        bool pendingSpace = false;
        foreach (char c in value)
        {
            if (c is ' ' or '\t')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                destination[written++] = (byte)' ';
                pendingSpace = false;
            }

            destination[written++] = (byte)c;
        }

        return written;
    }

    private static int Append(ReadOnlySpan<byte> source, Span<byte> destination, int position)
    {
        source.CopyTo(destination[position..]);
        return position + source.Length;
    }
}
