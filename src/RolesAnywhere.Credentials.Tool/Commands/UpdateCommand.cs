using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Update;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>update</c>: writes the profile's keys into the shared credentials file and keeps them fresh
/// (ahead of expiry; failures retried with backoff while the written keys stay valid). With
/// <c>--once</c>, writes once (a few attempts) and exits.
/// </summary>
internal static class UpdateCommand
{
    public const int OnceAttempts = 4;

    public static async Task<int> RunAsync(SessionArguments arguments, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var profile = arguments.Parsed.Get(Flags.Profile) ?? "default";
        if (profile.Length == 0 || profile.AsSpan().IndexOfAny("[]\r\n") >= 0)
        {
            throw new UsageException($"--{Flags.Profile} '{profile}' is not a usable profile name.", "Use letters, digits, '-', '_' or '.'.");
        }

        var path = environment.SharedCredentialsPath();
        var log = environment.DebugLog(arguments.Debug);
        var keeper = new CredentialKeeper(environment.CredentialSources(arguments), environment.Time, log);
        Task Write(SessionCredentials credentials, CancellationToken ct)
        {
            log($"writing profile [{profile}] of {path}");
            return SharedCredentialsFile.WriteAsync(path, profile, credentials, ct);
        }

        if (!arguments.Parsed.IsSet(Flags.Once))
        {
            try
            {
                await keeper.RunAsync(Write, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            return ToolApplication.Success;
        }

        for (var attempt = 1; ; attempt++)
        {
            var credentials = await keeper.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (credentials is null && keeper.LastError is RolesAnywhereConfigurationException configuration)
            {
                throw configuration;
            }

            if (credentials is not null)
            {
                try
                {
                    await Write(credentials, cancellationToken).ConfigureAwait(false);
                    return ToolApplication.Success;
                }
                catch (Exception e) when ((e is IOException or UnauthorizedAccessException or TimeoutException) && attempt < OnceAttempts)
                {
                    log($"write failed (attempt {attempt}): {e.Message}");
                }
            }
            else if (attempt >= OnceAttempts)
            {
                throw keeper.LastError!;
            }

            await Task.Delay(keeper.DelayBeforeNextRefresh(attempt), environment.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
