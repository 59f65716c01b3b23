using System.Globalization;

namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>The ISO-8601 UTC form every AWS client parses: <c>2026-01-02T03:04:05Z</c>.</summary>
internal static class IsoTime
{
    private const string Format = "yyyy-MM-ddTHH:mm:ssZ";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads exactly the form <see cref="Write"/> writes: a time of day alone (<c>20:00Z</c>) would be read as today's (found by fuzzing the cache).</summary>
    public static bool TryRead(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
