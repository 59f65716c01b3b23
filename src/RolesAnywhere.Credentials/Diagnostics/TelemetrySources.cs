using System.Diagnostics;
using System.Reflection;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>The process-wide activity source and the library version its spans and meters carry.</summary>
internal static class TelemetrySources
{
    public static string Version { get; } =
        typeof(TelemetrySources).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static ActivitySource ActivitySource { get; } = new(RolesAnywhereTelemetry.Name, Version);
}
