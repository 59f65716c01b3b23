using System.Globalization;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary><c>N/MINUTES</c>: this many refused CreateSession calls from one source within this window is a burst.</summary>
internal readonly record struct FailureBurst(int Count, TimeSpan Window)
{
    public static FailureBurst Default { get; } = new(5, TimeSpan.FromMinutes(10));

    public override string ToString() => $"{Count}/{Window.TotalMinutes.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The largest N: the audit keeps at most this many refused calls per address (<see cref="Sessions.RefusedCalls"/>,
    /// a memory bound against callers who choose how many calls to make), so a larger burst could not be seen.
    /// </summary>
    public const int MaxCount = Sessions.RefusedCalls.MaxKeptPerSource;

    /// <exception cref="AuditInputException">Not N/MINUTES with N from 2 to <see cref="MaxCount"/> and MINUTES from 1.</exception>
    public static FailureBurst Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 2 || count > MaxCount ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes < 1 || minutes > 7 * 24 * 60)
        {
            throw new AuditInputException($"--failure-burst '{text}' is not N/MINUTES (N from 2 to {MaxCount}, MINUTES 1 to 10080); the default is {Default}.");
        }

        return new FailureBurst(count, TimeSpan.FromMinutes(minutes));
    }
}
