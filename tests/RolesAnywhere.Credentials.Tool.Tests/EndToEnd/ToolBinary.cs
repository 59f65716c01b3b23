namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// Where the built tool is: the app host copied next to the tests (JIT), or the binary named by
/// <c>ROLESANYWHERE_TOOL_PATH</c> (e.g. a Native AOT build from <c>benchmarks/tool/publish-aot.sh</c>).
/// </summary>
internal static class ToolBinary
{
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("ROLESANYWHERE_TOOL_PATH") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "rolesanywhere.exe" : "rolesanywhere");
}
