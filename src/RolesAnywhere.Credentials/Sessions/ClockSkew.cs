using System.Globalization;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>Compares the time a request was signed with the service's <c>Date</c> header.</summary>
internal static class ClockSkew
{
    /// <summary>The service rejects an <c>X-Amz-Date</c> further than this from its clock.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Returns a sentence about the skew when it exceeds <see cref="Tolerance"/>; otherwise <see langword="null"/>.</summary>
    public static string? Describe(DateTimeOffset requestTime, DateTimeOffset? serverDate)
    {
        if (serverDate is not { } server)
        {
            return null;
        }

        var skew = requestTime - server;
        if (skew.Duration() <= Tolerance)
        {
            return null;
        }

        var direction = skew > TimeSpan.Zero ? "ahead of" : "behind";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"This machine's clock is about {Math.Round(skew.Duration().TotalMinutes)} minutes {direction} the service's (signed at {requestTime:yyyy-MM-ddTHH:mm:ssZ}, service time {server.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}); requests more than 5 minutes off are rejected. Synchronize the clock (NTP).");
    }
}
