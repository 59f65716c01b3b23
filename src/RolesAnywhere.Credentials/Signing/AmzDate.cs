namespace RolesAnywhere.Credentials.Signing;

/// <summary>Writes the SigV4 timestamp forms: <c>yyyyMMddTHHmmssZ</c> and the scope date <c>yyyyMMdd</c>.</summary>
internal static class AmzDate
{
    /// <summary>The length of <c>yyyyMMddTHHmmssZ</c>.</summary>
    public const int Length = 16;

    /// <summary>The length of the scope date <c>yyyyMMdd</c>, the first 8 characters of the timestamp.</summary>
    public const int DateStampLength = 8;

    /// <summary>Writes <paramref name="utc"/> as <c>yyyyMMddTHHmmssZ</c> ASCII bytes; <paramref name="destination"/> holds at least <see cref="Length"/> bytes.</summary>
    public static void Write(DateTime utc, Span<byte> destination)
    {
        _ = destination[Length - 1];
        WriteDigits(utc.Year, 4, destination);
        WriteDigits(utc.Month, 2, destination[4..]);
        WriteDigits(utc.Day, 2, destination[6..]);
        destination[8] = (byte)'T';
        WriteDigits(utc.Hour, 2, destination[9..]);
        WriteDigits(utc.Minute, 2, destination[11..]);
        WriteDigits(utc.Second, 2, destination[13..]);
        destination[15] = (byte)'Z';
    }

    /// <summary>Writes <paramref name="utc"/> as <c>yyyyMMddTHHmmssZ</c> characters; <paramref name="destination"/> holds at least <see cref="Length"/> chars.</summary>
    public static void Write(DateTime utc, Span<char> destination)
    {
        Span<byte> ascii = stackalloc byte[Length];
        Write(utc, ascii);
        for (int i = 0; i < Length; i++)
        {
            destination[i] = (char)ascii[i];
        }
    }

    private static void WriteDigits(int value, int count, Span<byte> destination)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
