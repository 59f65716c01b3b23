using System.Runtime.Versioning;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;
using RolesAnywhere.Credentials.Tool.Update;

namespace RolesAnywhere.Credentials.Tool.Tests.Update;

public sealed class SharedCredentialsFileTests : IDisposable
{
    private static readonly SessionCredentials Fresh = new("ASIANEW", "new-secret", "new-token", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow);
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Apply_ExistingProfile_KeysReplacedInPlaceEverythingElseKept()
    {
        const string existing = """
            # managed by hand
            [default]
            aws_access_key_id = AKIAOLD
            ; a comment inside
            aws_secret_access_key = old
            region = eu-west-1

            [ra]
            aws_access_key_id=ASIAOLD
            aws_secret_access_key=old-secret
            aws_session_token=old-token
            aws_session_token=duplicate
            output = json

            [other]
            aws_access_key_id = AKIAOTHER
            """;

        var updated = SharedCredentialsFile.Apply(existing.ReplaceLineEndings("\n"), "ra", Fresh);

        const string expected = """
            # managed by hand
            [default]
            aws_access_key_id = AKIAOLD
            ; a comment inside
            aws_secret_access_key = old
            region = eu-west-1

            [ra]
            aws_access_key_id = ASIANEW
            aws_secret_access_key = new-secret
            aws_session_token = new-token
            output = json

            [other]
            aws_access_key_id = AKIAOTHER

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), updated);
    }

    [Fact]
    public void Apply_ProfileMissingKeys_AddedAtEndOfSection()
    {
        var updated = SharedCredentialsFile.Apply("[ra]\nregion = us-east-1\n\n[b]\nx = 1\n", "ra", Fresh);

        Assert.Equal("[ra]\nregion = us-east-1\naws_access_key_id = ASIANEW\naws_secret_access_key = new-secret\naws_session_token = new-token\n\n[b]\nx = 1\n", updated);
    }

    [Fact]
    public void Apply_NewProfile_AppendedAfterBlankLine()
    {
        var updated = SharedCredentialsFile.Apply("[default]\naws_access_key_id = A\n", "ra", Fresh);

        Assert.Equal("[default]\naws_access_key_id = A\n\n[ra]\naws_access_key_id = ASIANEW\naws_secret_access_key = new-secret\naws_session_token = new-token\n", updated);
    }

    [Fact]
    public void Apply_CrLfFile_KeepsCrLf()
    {
        var updated = SharedCredentialsFile.Apply("[ra]\r\naws_access_key_id = OLD\r\n", "ra", Fresh);

        Assert.Equal("[ra]\r\naws_access_key_id = ASIANEW\r\naws_secret_access_key = new-secret\r\naws_session_token = new-token\r\n", updated);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_NewFile_0600AndNoTemporaryFilesLeft()
    {
        var path = Path.Combine(directory.Path, ".aws", "credentials");

        await SharedCredentialsFile.WriteAsync(path, "ra", Fresh, TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        Assert.Contains("aws_session_token = new-token", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_ExistingWorldReadableFile_Replaced0600AsNewInode()
    {
        var path = directory.File("credentials");
        await File.WriteAllTextAsync(path, "[default]\naws_access_key_id = KEEP\n", TestContext.Current.CancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var before = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        await SharedCredentialsFile.WriteAsync(path, "ra", Fresh, TestContext.Current.CancellationToken);

        // The reader holding the old file still sees the complete old content: the new one was renamed over it.
        using var oldReader = new StreamReader(before);
        Assert.Equal("[default]\naws_access_key_id = KEEP\n", await oldReader.ReadToEndAsync(TestContext.Current.CancellationToken));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.StartsWith("[default]\naws_access_key_id = KEEP\n\n[ra]\n", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOfDifferentProfiles_NoUpdateLost()
    {
        var path = directory.File("credentials");

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(
            () => SharedCredentialsFile.WriteAsync(path, $"p{i}", Fresh, TestContext.Current.CancellationToken))));

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.All(Enumerable.Range(0, 12), i => Assert.Contains($"[p{i}]\n", text, StringComparison.Ordinal));
    }
}
