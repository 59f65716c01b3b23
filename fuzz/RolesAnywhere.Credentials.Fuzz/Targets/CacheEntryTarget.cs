using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Caching;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// The credential cache's entry reader, through the cache itself: the fuzzed bytes are an entry file found in the
/// (owner-only) cache directory. A usable entry is returned as it is; anything else must be ignored and replaced
/// by fresh credentials, never thrown.
/// </summary>
internal static class CacheEntryTarget
{
    public static readonly FuzzTarget Target = new("cache-entry", "CredentialCache (entry reader)", Run);

    private const string Key = "fuzz";

    private static readonly Lazy<string> CacheDirectory = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"rolesanywhere-fuzz-cache-{Environment.ProcessId}");
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    });

    private static void Run(byte[] data)
    {
        var entry = Path.Combine(CacheDirectory.Value, Key + ".json");
        File.WriteAllBytes(entry, data);
        File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var source = new FixedCredentialSource();
        var cache = new CredentialCache(CacheDirectory.Value, TimeProvider.System);

        var output = cache.GetOrFetchAsync(Key, TimeSpan.FromHours(1), source.FetchAsync, CancellationToken.None).GetAwaiter().GetResult();

        if (source.Calls == 0)
        {
            // The entry was trusted: it must be a complete credential_process answer.
            using var json = JsonDocument.Parse(output);
            if (!data.AsSpan().SequenceEqual(output) || json.RootElement.GetProperty("Version").GetInt32() != 1)
            {
                throw new FuzzFailure("a cache entry was served that is not a version 1 credential_process answer");
            }
        }
        else if (output.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(FixedCredentialSource.SessionToken)) < 0)
        {
            throw new FuzzFailure("fresh credentials were fetched but not returned");
        }
    }
}
