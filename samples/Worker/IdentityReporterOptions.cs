namespace Worker;

/// <summary>How often the worker calls AWS.</summary>
public sealed class IdentityReporterOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
