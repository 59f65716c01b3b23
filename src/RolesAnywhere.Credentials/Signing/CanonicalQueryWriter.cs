using System.Buffers;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Writes the SigV4 canonical query string: each name and value RFC 3986-encoded, the pairs sorted
/// by encoded name (then encoded value, as botocore sorts them), joined as <c>name=value</c> with
/// <c>&amp;</c>. The result is also the query string to send.
/// </summary>
internal static class CanonicalQueryWriter
{
    /// <summary>Parameters indexed on the stack up to this count (three ints each); beyond it the index is rented.</summary>
    private const int MaxStackParameters = 32;

    /// <summary>Encoded parameters staged on the stack up to this many bytes; beyond it the buffer is rented.</summary>
    private const int MaxStackEncodedBytes = 512;

    /// <summary>Returns the length of the canonical query, validating every name and value.</summary>
    /// <exception cref="ArgumentException">A name or value is <see langword="null"/> or holds an unpaired surrogate.</exception>
    public static int GetLength(IReadOnlyList<KeyValuePair<string, string>>? parameters, string paramName)
    {
        if (parameters is null)
        {
            return 0;
        }

        int count = parameters.Count;
        int length = count > 0 ? count - 1 : 0; // the '&' separators
        for (int i = 0; i < count; i++)
        {
            KeyValuePair<string, string> parameter = parameters[i];
            length += GetEncodedLength(parameter.Key, i, "name", paramName) + 1 + GetEncodedLength(parameter.Value, i, "value", paramName);
        }

        return length;
    }

    /// <summary>Writes the canonical query of parameters already measured by <see cref="GetLength"/>; returns the bytes written.</summary>
    public static int Write(IReadOnlyList<KeyValuePair<string, string>>? parameters, int length, Span<byte> destination)
    {
        int count = parameters?.Count ?? 0;
        if (count == 0)
        {
            return 0;
        }

        // Stage every encoded name and value, then emit them in sorted order.
        int stagedLength = length - (count - 1);
        byte[]? rentedBytes = null;
        int[]? rentedIndex = null;
        Span<byte> staged = stagedLength <= MaxStackEncodedBytes
            ? stackalloc byte[MaxStackEncodedBytes]
            : (rentedBytes = ArrayPool<byte>.Shared.Rent(stagedLength));
        Span<int> index = count <= MaxStackParameters
            ? stackalloc int[3 * MaxStackParameters]
            : (rentedIndex = ArrayPool<int>.Shared.Rent(3 * count));
        try
        {
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                KeyValuePair<string, string> parameter = parameters![i];
                int nameLength = Rfc3986Encoder.Encode(parameter.Key, staged[position..]);
                int valueLength = Rfc3986Encoder.Encode(parameter.Value, staged[(position + nameLength)..]);
                index[3 * i] = position;
                index[(3 * i) + 1] = nameLength;
                index[(3 * i) + 2] = valueLength;
                position += nameLength + valueLength;
            }

            SortByEncodedPair(staged, index[..(3 * count)]);

            int written = 0;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    destination[written++] = (byte)'&';
                }

                int start = index[3 * i];
                int nameLength = index[(3 * i) + 1];
                int valueLength = index[(3 * i) + 2];
                staged.Slice(start, nameLength).CopyTo(destination[written..]);
                written += nameLength;
                destination[written++] = (byte)'=';
                staged.Slice(start + nameLength, valueLength).CopyTo(destination[written..]);
                written += valueLength;
            }

            return written;
        }
        finally
        {
            if (rentedBytes is not null)
            {
                CryptographicOperations.ZeroMemory(rentedBytes.AsSpan(0, stagedLength));
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedIndex is not null)
            {
                ArrayPool<int>.Shared.Return(rentedIndex);
            }
        }
    }

    private static int GetEncodedLength(string? text, int position, string part, string paramName)
    {
        if (text is null)
        {
            throw new ArgumentException($"Query parameter #{position} has a null {part}; use an empty string for an empty {part}.", paramName);
        }

        int length = Rfc3986Encoder.GetEncodedLength(text);
        return length >= 0
            ? length
            : throw new ArgumentException($"Query parameter #{position} has a {part} that is not valid UTF-16 (an unpaired surrogate).", paramName);
    }

    // Insertion sort over (start, nameLength, valueLength) triples: CreateSession has a handful of parameters.
    private static void SortByEncodedPair(ReadOnlySpan<byte> staged, Span<int> index)
    {
        int count = index.Length / 3;
        for (int i = 1; i < count; i++)
        {
            int start = index[3 * i];
            int nameLength = index[(3 * i) + 1];
            int valueLength = index[(3 * i) + 2];
            int j = i - 1;
            while (j >= 0 && Compare(staged, index.Slice(3 * j, 3), start, nameLength, valueLength) > 0)
            {
                index.Slice(3 * j, 3).CopyTo(index.Slice(3 * (j + 1), 3));
                j--;
            }

            index[3 * (j + 1)] = start;
            index[(3 * (j + 1)) + 1] = nameLength;
            index[(3 * (j + 1)) + 2] = valueLength;
        }
    }

    private static int Compare(ReadOnlySpan<byte> staged, ReadOnlySpan<int> left, int start, int nameLength, int valueLength)
    {
        int byName = staged.Slice(left[0], left[1]).SequenceCompareTo(staged.Slice(start, nameLength));
        return byName != 0
            ? byName
            : staged.Slice(left[0] + left[1], left[2]).SequenceCompareTo(staged.Slice(start + nameLength, valueLength));
    }
}
