using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>Exec semantics of the issuer command: a bare name is looked up in absolute PATH entries only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProgramLookupTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rolesanywhere-lookup-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Resolve_BareNameOnAbsolutePath_ReturnsThatFile()
    {
        var bin = Plant("bin", "openssl");

        Assert.Equal(Path.Combine(bin, "openssl"), ProgramLookup.Resolve("openssl", "/nonexistent:" + bin));
    }

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("::.:./")]
    [InlineData("{relative}")]
    [InlineData(":{relative}:")]
    [InlineData(null)]
    public void Resolve_OnlyEmptyDotOrRelativeEntries_NothingFound(string? searchPath)
    {
        // A relative entry naming the planted program's folder from the working directory: found by a shell, not by exec semantics.
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Plant("cwd", "openssl"));
        Assert.True(File.Exists(Path.Combine(relative, "openssl")));

        Assert.Null(ProgramLookup.Resolve("openssl", searchPath?.Replace("{relative}", relative, StringComparison.Ordinal)));
    }

    [Fact]
    public void Resolve_NotExecutable_Skipped()
    {
        var first = Plant("first", "tool", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var second = Plant("second", "tool");

        Assert.Equal(Path.Combine(second, "tool"), ProgramLookup.Resolve("tool", first + ":" + second));
    }

    [Theory]
    [InlineData("./openssl")]
    [InlineData("bin/openssl")]
    [InlineData("/usr/bin/openssl")]
    public void Resolve_NameWithSlash_UsedAsGiven(string program) => Assert.Equal(program, ProgramLookup.Resolve(program, "/usr/bin"));

    private string Plant(string folder, string name, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_folder.FullName, folder)).FullName;
        var file = Path.Combine(directory, name);
        File.WriteAllText(file, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(file, mode);
        return directory;
    }
}
