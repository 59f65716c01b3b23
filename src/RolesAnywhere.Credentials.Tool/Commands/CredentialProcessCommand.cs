using RolesAnywhere.Credentials.Tool.Caching;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Json;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>credential-process</c>: prints the Version 1 JSON. The cache is consulted before anything else
/// is loaded, so a warm call reads one small file and touches neither the key nor the network.
/// </summary>
internal static class CredentialProcessCommand
{
    public static async Task<int> RunAsync(SessionArguments arguments, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var log = environment.DebugLog(arguments.Debug);
        byte[] output;
        if (arguments.Parsed.IsSet(Flags.NoCache))
        {
            output = CredentialProcessJson.Serialize(await environment.CredentialSources(arguments).CreateSessionAsync(async: true, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            var cache = new CredentialCache(environment.CacheDirectory(), environment.Time, warning => environment.Stderr.WriteLine($"rolesanywhere: warning: {warning}"));
            output = await cache.GetOrFetchAsync(
                arguments.CacheKey(),
                TimeSpan.FromSeconds(arguments.SessionDurationSeconds),
                ct =>
                {
                    log("no usable cache entry: calling CreateSession");
                    return environment.CredentialSources(arguments).CreateSessionAsync(async: true, ct).AsTask();
                },
                cancellationToken).ConfigureAwait(false);
        }

        // Synchronously: the console stream has no asynchronous write of its own, and its default one would
        // start the thread pool just to print a few hundred bytes.
        environment.Stdout.Write(output);
        environment.Stdout.Flush();
        return ToolApplication.Success;
    }
}
