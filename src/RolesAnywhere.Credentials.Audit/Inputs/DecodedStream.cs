using System.IO.Compression;

namespace RolesAnywhere.Credentials.Audit.Inputs;

/// <summary>
/// Opens a document for reading whatever its name says: gzip (CloudTrail's <c>.json.gz</c>) is recognised by its
/// magic bytes, so standard input and objects with other names work too.
/// </summary>
internal static class DecodedStream
{
    private const byte GzipMagic1 = 0x1f;
    private const byte GzipMagic2 = 0x8b;

    public static async Task<Stream> OpenAsync(Stream raw, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        var count = 0;
        while (count < head.Length)
        {
            var read = await raw.ReadAsync(head.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        var whole = new PrefixedStream(head.AsMemory(0, count), raw);
        return count == 2 && head[0] == GzipMagic1 && head[1] == GzipMagic2
            ? new GZipStream(whole, CompressionMode.Decompress, leaveOpen: false)
            : whole;
    }
}
