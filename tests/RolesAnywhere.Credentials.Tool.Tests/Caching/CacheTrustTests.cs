using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Tool.Caching;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Tool.Tests.Support;
using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Tool.Tests.Caching;

/// <summary>
/// The cache trusts only what another local user cannot touch, as ssh and the AWS CLI do: a directory owned
/// by this user and writable by nobody else, entries opened without following links, and a lock that cannot
/// block for long. When the directory is not trustworthy the tool warns, answers anyway, and writes nothing.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CacheTrustTests : IDisposable
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    private readonly List<string> warnings = [];

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("777")]
    [InlineData("1777")]
    [InlineData("770")]
    public async Task GetOrFetchAsync_DirectoryWritableByOthers_WarnsAnswersWritesNothing(string octalMode)
    {
        var mode = Convert.ToInt32(octalMode, 8);
        var cacheDirectory = Directory.CreateDirectory(directory.File("shared")).FullName;
        File.SetUnixFileMode(cacheDirectory, (UnixFileMode)mode);
        var source = new ScriptedCredentialSource(time);

        var first = await Cache(cacheDirectory).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        var second = await Cache(cacheDirectory).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.NotEmpty(first);
        Assert.Equal(2, source.Calls);
        Assert.Empty(Directory.GetFileSystemEntries(cacheDirectory));
        Assert.Contains(warnings, w => w.Contains(cacheDirectory, StringComparison.Ordinal) && w.Contains("writable by", StringComparison.Ordinal));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task GetOrFetchAsync_DirectoryOwnedByAnotherUser_WarnsAnswersWritesNothing()
    {
        Requirement.That(Environment.UserName == "root" && OperatingSystem.IsLinux(), "giving a directory to another user needs root (CI runs as root)");
        var cacheDirectory = Directory.CreateDirectory(directory.File("theirs")).FullName;
        File.SetUnixFileMode(cacheDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Run("chown", "nobody", cacheDirectory);
        var source = new ScriptedCredentialSource(time);

        var output = await Cache(cacheDirectory).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.NotEmpty(output);
        Assert.Empty(Directory.GetFileSystemEntries(cacheDirectory));
        Assert.Contains(warnings, w => w.Contains(cacheDirectory, StringComparison.Ordinal) && w.Contains("owned by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetOrFetchAsync_SymlinkedEntry_NotFollowed()
    {
        // Another user's planted entry (owner-only, valid for hours) behind a link with the entry's name.
        var planted = directory.File("planted.json");
        OwnerOnlyFile.WriteAtomically(planted, "{\"Version\":1,\"AccessKeyId\":\"ASIAPLANTED\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-11-25T05:00:00Z\"}"u8);
        var cacheDirectory = Directory.CreateDirectory(directory.File("cache")).FullName;
        File.CreateSymbolicLink(Path.Combine(cacheDirectory, "k.json"), planted);
        var source = new ScriptedCredentialSource(time);

        var output = await Cache(cacheDirectory).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.DoesNotContain("ASIAPLANTED", System.Text.Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        Assert.Equal(1, source.Calls);
        Assert.Contains("ASIAPLANTED", await File.ReadAllTextAsync(planted, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrFetchAsync_FifoEntry_IgnoredAtOnce()
    {
        Requirement.That(OperatingSystem.IsLinux(), "FIFOs are told apart through Linux statx(2)");
        var cacheDirectory = Directory.CreateDirectory(directory.File("cache")).FullName;
        Run("mkfifo", Path.Combine(cacheDirectory, "k.json"));
        var source = new ScriptedCredentialSource(time);

        var output = await Cache(cacheDirectory).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.NotEmpty(output);
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task GetOrFetchAsync_LockHeldByAnother_GivesUpWithinSecondsAndAnswersUncached()
    {
        var cacheDirectory = Directory.CreateDirectory(directory.File("cache")).FullName;
        using var held = await FileLock.AcquireAsync(Path.Combine(cacheDirectory, "k.json.lock"), TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var source = new ScriptedCredentialSource(time);
        var started = Stopwatch.StartNew();

        var wait = TimeSpan.FromSeconds(1);

        var output = await new CredentialCache(cacheDirectory, time, warnings.Add, wait).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.NotEmpty(output);
        Assert.InRange(started.Elapsed, wait - TimeSpan.FromMilliseconds(100), wait + TimeSpan.FromSeconds(3));
        Assert.InRange(CredentialCache.LockTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.False(File.Exists(Path.Combine(cacheDirectory, "k.json")));
        Assert.Contains(warnings, w => w.Contains("lock", StringComparison.Ordinal));
    }

    private CredentialCache Cache(string path) => new(path, time, warnings.Add);

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
