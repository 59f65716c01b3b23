using System.Runtime.Versioning;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;
using RolesAnywhere.Credentials.Tool.Tests.Support;
using RolesAnywhere.Credentials.Tool.Update;

namespace RolesAnywhere.Credentials.Tool.Tests.Update;

public sealed class SharedCredentialsFileTests : IDisposable
{
    private static readonly SessionCredentials Fresh = new("ASIANEW", "new-secret", "new-token", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow, accountId: null, assumedRoleArn: null, subjectArn: null);
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

    [Fact]
    public async Task WriteAsync_FileBotocoreRefuses_LeftByteForByteWithLineNamed()
    {
        var path = directory.File("credentials");
        var original = "[ra]\r\naws_access_key_id = OLD\r\n[ra]\r\nregion = x"u8.ToArray();
        await File.WriteAllBytesAsync(path, original, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<CredentialsFileException>(() => SharedCredentialsFile.WriteAsync(path, "ra", Fresh, TestContext.Current.CancellationToken));

        Assert.Contains("line 3: profile [ra] appears a second time (first on line 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp"));
    }

    [Fact]
    public async Task WriteAsync_NewProfileWouldInheritNestedDefaultWithoutEquals_RefusedNamingTheLineUntouched()
    {
        // Found by fuzzing (fuzz/crashes/credentials-file/): botocore reads this file (no profile sees the [DEFAULT]
        // value), but a new profile inherits "k", whose value starts on the next line and has a line without '=', and
        // then botocore refuses the whole file. The refusal named no line and asked for a bug report.
        var path = directory.File("credentials");
        var original = await File.ReadAllBytesAsync(FuzzCrashInput.PathOf("credentials-file", "default-nested-value-without-equals.ini"), TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, original, TestContext.Current.CancellationToken);
        var appended = directory.File("appended");
        await File.WriteAllBytesAsync(appended, [.. original, .. "\n[ra]\naws_access_key_id = ASIANEW\n"u8], TestContext.Current.CancellationToken);
        var botocore = await BotocoreConfigParser.ParseAsync([path, appended], directory.Path);

        var error = await Assert.ThrowsAsync<CredentialsFileException>(() => SharedCredentialsFile.WriteAsync(path, "ra", Fresh, TestContext.Current.CancellationToken));

        Assert.NotNull(botocore[0].Profiles);
        Assert.Null(botocore[1].Profiles);
        Assert.Contains("[ra] cannot be added", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: the value of 'k' in [DEFAULT] starts on the next line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Please report", error.Message, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_Utf16File_RefusedUntouched()
    {
        var path = directory.File("credentials");
        var original = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("[ra]\r\nx = 1\r\n")).ToArray();
        await File.WriteAllBytesAsync(path, original, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<CredentialsFileException>(() => SharedCredentialsFile.WriteAsync(path, "ra", Fresh, TestContext.Current.CancellationToken));

        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_SymlinkedFile_TargetRewrittenLinkStaysLink()
    {
        // Issue 11 item 7: the link used to be replaced by a regular file (dotfiles managers link ~/.aws/credentials).
        var real = Path.Combine(directory.Path, "dotfiles", "aws", "credentials");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        await File.WriteAllTextAsync(real, "[other]\nx = 1\n", TestContext.Current.CancellationToken);
        var link = directory.File("credentials");
        File.CreateSymbolicLink(link, Path.Combine("dotfiles", "aws", "credentials"));
        var second = directory.File("credentials-2");
        File.CreateSymbolicLink(second, link);

        await SharedCredentialsFile.WriteAsync(second, "ra", Fresh, TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine("dotfiles", "aws", "credentials"), new FileInfo(link).LinkTarget);
        Assert.Equal(link, new FileInfo(second).LinkTarget);
        Assert.Equal("[other]\nx = 1\n\n[ra]\naws_access_key_id = ASIANEW\naws_secret_access_key = new-secret\naws_session_token = new-token\n", await File.ReadAllTextAsync(real, TestContext.Current.CancellationToken));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_DanglingSymlink_RefusedLinkKept()
    {
        var link = directory.File("credentials");
        File.CreateSymbolicLink(link, directory.File("missing"));

        var error = await Assert.ThrowsAsync<CredentialsFileException>(() => SharedCredentialsFile.WriteAsync(link, "ra", Fresh, TestContext.Current.CancellationToken));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.False(File.Exists(directory.File("missing")));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_FileOfAnotherUserRunAsRoot_OwnerAndGroupKeptGroupAccessDropped()
    {
        // Issue 11 item 7: run as root, update used to leave the user's file owned by root (the user lost access).
        RequireRoot();
        var path = directory.File("credentials");
        await File.WriteAllTextAsync(path, "[default]\nregion = eu-west-1\n", TestContext.Current.CancellationToken);
        await Run("chown", "65534:65533", path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        await SharedCredentialsFile.WriteAsync(path, "default", Fresh, TestContext.Current.CancellationToken);

        Assert.Equal("65534:65533:600:regular file", await Run("stat", "-c", "%u:%g:%a:%F", path));
        Assert.Contains("aws_session_token = new-token", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_SymlinkToFileOfAnotherUserRunAsRoot_TargetKeepsOwnerLinkKept()
    {
        RequireRoot();
        var real = directory.File("real-credentials");
        await File.WriteAllTextAsync(real, "[default]\n", TestContext.Current.CancellationToken);
        await Run("chown", "65534:65534", real);
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = directory.File("credentials");
        File.CreateSymbolicLink(link, real);
        await Run("chown", "-h", "65534:65534", link);

        await SharedCredentialsFile.WriteAsync(link, "default", Fresh, TestContext.Current.CancellationToken);

        Assert.Equal("65534:65534:600:regular file", await Run("stat", "-c", "%u:%g:%a:%F", real));
        Assert.Equal("symbolic link", await Run("stat", "-c", "%F", link));
        Assert.Contains("aws_access_key_id = ASIANEW", await File.ReadAllTextAsync(real, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task WriteAsync_LinkPlantedByAnotherUserToRootFile_RefusedTargetUntouched()
    {
        // A link owned by someone else, pointing at a file that is neither theirs nor ours to give: not followed.
        RequireRoot();
        var victim = directory.File("root-owned.ini");
        await File.WriteAllTextAsync(victim, "[settings]\nx = 1\n", TestContext.Current.CancellationToken);
        var link = directory.File("credentials");
        File.CreateSymbolicLink(link, victim);
        await Run("chown", "-h", "65534:65534", link);

        var error = await Assert.ThrowsAsync<CredentialsFileException>(() => SharedCredentialsFile.WriteAsync(link, "ra", Fresh, TestContext.Current.CancellationToken));

        Assert.Contains("owned by uid 65534", error.Message, StringComparison.Ordinal);
        Assert.Equal("[settings]\nx = 1\n", await File.ReadAllTextAsync(victim, TestContext.Current.CancellationToken));
    }

    private static void RequireRoot() =>
        Requirement.That(OperatingSystem.IsLinux() && Environment.UserName == "root", "running as root is needed to give files to another user (chown)");

    private static async Task<string> Run(string command, params string[] args)
    {
        var run = await ExternalProcess.RunAsync(command, args, new Dictionary<string, string>());
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout.Trim();
    }
}
