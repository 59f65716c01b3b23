using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RolesAnywhere.Credentials.Tool.Caching;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Caching;

public sealed class CredentialCacheTests : IDisposable
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetOrFetchAsync_SecondCall_ServedFromFileWithoutFetching()
    {
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);

        var first = await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        var second = await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(1, source.Calls);
        Assert.Equal(first, second);
        var output = JsonSerializer.Deserialize(second, ToolJsonContext.Default.CredentialProcessOutput)!;
        Assert.Equal(1, output.Version);
        Assert.Equal("2026-11-25T02:00:00Z", output.Expiration);
    }

    [Fact]
    public async Task GetOrFetchAsync_LessThan15MinutesLeft_FetchesAgain()
    {
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);
        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromMinutes(44));
        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        Assert.Equal(1, source.Calls);

        time.Advance(TimeSpan.FromMinutes(1.5));
        var refreshed = await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        Assert.Equal(2, source.Calls);
        Assert.Contains("ASIATEST000000000002", System.Text.Encoding.UTF8.GetString(refreshed), StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredRemaining_ShortSessions_HalfTheLifetime()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), CredentialCache.RequiredRemaining(OneHour));
        Assert.Equal(TimeSpan.FromMinutes(7.5), CredentialCache.RequiredRemaining(TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task GetOrFetchAsync_DifferentKeys_SeparateEntries()
    {
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);

        await cache.GetOrFetchAsync("a", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        await cache.GetOrFetchAsync("b", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(2, source.Calls);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task GetOrFetchAsync_EntryFile_OwnerOnlyAndNoTempFilesLeft()
    {
        var cacheDirectory = Path.Combine(directory.Path, "nested", "cache");
        var cache = new CredentialCache(cacheDirectory, time);

        await cache.GetOrFetchAsync("k", OneHour, new ScriptedCredentialSource(time).FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(cacheDirectory, "k.json")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cacheDirectory));
        Assert.Empty(Directory.GetFiles(cacheDirectory, "*.tmp"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task GetOrFetchAsync_EntryReadableByOthers_IgnoredAndReplaced()
    {
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);
        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        File.SetUnixFileMode(directory.File("k.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(2, source.Calls);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.File("k.json")));
    }

    [Fact]
    public async Task GetOrFetchAsync_CorruptEntry_FetchesAgain()
    {
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);
        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(directory.File("k.json"), "{\"Version\":1,\"AccessKeyId\":", TestContext.Current.CancellationToken);

        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(2, source.Calls);
    }

    [Theory]
    [InlineData("{\"Versimn\":1,\"AccessKeyId\":\"X\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}")] // no Version
    [InlineData("{\"Version\":1,\"AccessKeyId\":\"X\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"23:59Z\"}")] // a time of day
    [InlineData("{\"Version\":1,\"AccessKeyId\":\"X\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\"}")] // no Expiration
    public async Task GetOrFetchAsync_EntryMissingVersionOrFullExpiry_FetchesAgain(string entry)
    {
        // Found by fuzzing (fuzz/crashes/cache-entry): a missing Version read as 1, and "20:00Z" as today at 20:00.
        var source = new ScriptedCredentialSource(time);
        var cache = new CredentialCache(directory.Path, time);
        await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(directory.File("k.json"), entry, TestContext.Current.CancellationToken);

        var output = await cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken);

        Assert.Equal(2, source.Calls);
        Assert.Contains("ASIATEST000000000002", System.Text.Encoding.UTF8.GetString(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOrFetchAsync_ConcurrentCallers_OneFetch()
    {
        var source = new ScriptedCredentialSource(time) { Delay = TimeSpan.FromMilliseconds(200) };
        var outputs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => new CredentialCache(directory.Path, time).GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken))));

        Assert.Equal(1, source.Calls);
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Fact]
    public async Task GetOrFetchAsync_FetchFails_NothingWrittenAndErrorSurfaces()
    {
        var source = new ScriptedCredentialSource(time) { FailWith = new RolesAnywhereServiceException("denied", System.Net.HttpStatusCode.Forbidden, "AccessDeniedException", null) };
        var cache = new CredentialCache(directory.Path, time);

        await Assert.ThrowsAsync<RolesAnywhereServiceException>(() => cache.GetOrFetchAsync("k", OneHour, source.FetchAsync, TestContext.Current.CancellationToken));

        Assert.False(File.Exists(directory.File("k.json")));
    }
}
