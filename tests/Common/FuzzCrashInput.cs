namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// An input afl++ found that once crashed a parser, kept in <c>fuzz/crashes/&lt;target&gt;/</c> and copied next to
/// every test assembly (<c>tests/Directory.Build.props</c>). The fuzz replay test runs each through its target too.
/// </summary>
internal static class FuzzCrashInput
{
    public static string PathOf(string target, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fuzz-crashes", target, name);
        Assert.True(File.Exists(path), $"The fuzz crash input {path} is missing (it comes from fuzz/crashes/{target}/{name}).");
        return path;
    }
}
