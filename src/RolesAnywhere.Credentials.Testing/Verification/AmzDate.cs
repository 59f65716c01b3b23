using System.Globalization;

namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>Parses and checks the <c>X-Amz-Date</c> header (<c>yyyyMMddTHHmmssZ</c>, UTC).</summary>
internal static class AmzDate
{
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <exception cref="RequestRejectedException">The header is missing, malformed, or outside the allowed skew.</exception>
    public static DateTimeOffset ParseAndCheck(string? value, DateTimeOffset now, TimeSpan allowedSkew)
    {
        if (value is null || !DateTimeOffset.TryParseExact(value, Format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            throw RequestRejectedException.BadSignature($"X-Amz-Date must be yyyyMMddTHHmmssZ, got '{value}'.");
        }

        var skew = signedAt - now;
        if (skew.Duration() > allowedSkew)
        {
            throw RequestRejectedException.BadSignature(string.Create(CultureInfo.InvariantCulture,
                $"X-Amz-Date {value} is {skew.TotalSeconds:0} s from the server clock {now:yyyyMMdd'T'HHmmss'Z'}; at most {allowedSkew.TotalSeconds:0} s is allowed."));
        }

        return signedAt;
    }
}
