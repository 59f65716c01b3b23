namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>Locates the known-answer vectors copied into <c>tests/vectors</c> (see its README).</summary>
internal static class TestVectors
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "vectors");

    public static string PathOf(string relative) => Path.Combine(Directory, relative);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));
}
