using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Renewal;
using RolesAnywhere.Credentials.Tool.Update;
using RolesAnywhere.Credentials.Sessions;

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

        if (profile == IniSection.DefaultsName)
        {
            throw new UsageException($"--{Flags.Profile} {profile} is not a profile: botocore and the AWS CLI give the keys of [{profile}] to every profile.", "Use another profile name ('default' is the default profile).");
        }

        var path = environment.SharedCredentialsPath();
        using var renewal = InProcessRenewal.From(arguments, environment);
        var log = environment.DebugLog(arguments.Debug);
        var keeper = new CredentialKeeper(environment.CredentialSources(arguments), environment.Time, log);
        Task Write(SessionCredentials credentials, CancellationToken ct)
        {
            log($"writing profile [{profile}] of {path}");
            return SharedCredentialsFile.WriteAsync(path, profile, credentials, ct);
        }

        if (!arguments.Parsed.IsSet(Flags.Once))
        {
            // A configuration error will not heal by itself: report it and stop (unless it is an expired certificate that
            // the renewal may replace). Anything else is retried.
            if (await keeper.RefreshAsync(cancellationToken).ConfigureAwait(false) is null && keeper.LastError is RolesAnywhereConfigurationException configuration
                && renewal?.CertificateExpired() != true)
            {
                throw configuration;
            }

            var renewing = renewal?.RunAsync(keeper, cancellationToken) ?? Task.CompletedTask;
            try
            {
                await keeper.RunAsync(Write, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            await renewing.ConfigureAwait(false);
            return ToolApplication.Success;
        }

        if (renewal is not null)
        {
            await renewal.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        }

        SessionCredentials? credentials = null;
        for (var attempt = 1; ; attempt++)
        {
            credentials ??= await keeper.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (credentials is null)
            {
                if (keeper.LastError is RolesAnywhereConfigurationException || attempt >= OnceAttempts)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(keeper.LastError!);
                }
            }
            else
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

            await Task.Delay(keeper.DelayBeforeNextRefresh(attempt), environment.Time, cancellationToken).ConfigureAwait(false);
        }
    }
}
