using System.Net;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Renewal;
using RolesAnywhere.Credentials.Tool.Serve;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary><c>serve</c>: IMDSv2 on 127.0.0.1 (and optionally the container endpoint) until stopped.</summary>
internal static class ServeCommand
{
    public const string ContainerTokenVariable = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /// <summary>The shortest container token accepted: the token is all that guards the endpoint beyond loopback.</summary>
    public const int MinimumTokenLength = 16;

    public static async Task<int> RunAsync(SessionArguments arguments, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var settings = ReadSettings(arguments);
        using var renewal = InProcessRenewal.From(arguments, environment);
        var log = environment.DebugLog(arguments.Debug);
        var keeper = new CredentialKeeper(environment.CredentialSources(arguments), environment.Time, log);

        // A configuration error will not heal by itself: report it and stop (unless it is an expired certificate that the
        // renewal may replace). Service errors are retried in the background.
        if (await keeper.RefreshAsync(cancellationToken).ConfigureAwait(false) is null && keeper.LastError is RolesAnywhereConfigurationException configuration
            && renewal?.CertificateExpired() != true)
        {
            throw configuration;
        }

        if (keeper.LastError is { } first)
        {
            await environment.Stderr.WriteLineAsync($"rolesanywhere: the first CreateSession failed; serving 500 until a retry succeeds: {LibraryTerms.Describe(first)}").ConfigureAwait(false);
        }

        var server = await CredentialServer.StartAsync(settings, keeper, environment.Time, cancellationToken).ConfigureAwait(false);
        await using var serverScope = server.ConfigureAwait(false);
        await environment.Stderr.WriteLineAsync($"rolesanywhere: serving IMDSv2 on {server.ImdsUri} (set AWS_EC2_METADATA_SERVICE_ENDPOINT={server.ImdsUri})").ConfigureAwait(false);
        if (server.ContainerUri is { } containerUri)
        {
            await environment.Stderr.WriteLineAsync($"rolesanywhere: serving container credentials on {containerUri} (set AWS_CONTAINER_CREDENTIALS_FULL_URI={containerUri} and {ContainerTokenVariable})").ConfigureAwait(false);
        }

        var renewing = renewal?.RunAsync(keeper, cancellationToken) ?? Task.CompletedTask;
        try
        {
            await keeper.RunAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await renewing.ConfigureAwait(false);
        return ToolApplication.Success;
    }

    internal static ServeSettings ReadSettings(SessionArguments arguments)
    {
        var parsed = arguments.Parsed;
        var port = parsed.GetInt32(Flags.Port, ServeSettings.DefaultPort, 0, 65535);
        var hopLimit = parsed.GetInt32(Flags.HopLimit, ServeSettings.DefaultHopLimit, 1, 255);
        IPEndPoint? container = null;
        string? token = null;
        if (parsed.Has(Flags.ContainerPort))
        {
            var host = parsed.Get(Flags.ContainerHost) ?? "127.0.0.1";
            if (!IPAddress.TryParse(host, out var address))
            {
                throw new UsageException($"--{Flags.ContainerHost} '{host}' is not an IP address.", "Use 127.0.0.1, 0.0.0.0, or the address of the container bridge.");
            }

            container = new IPEndPoint(address, parsed.GetInt32(Flags.ContainerPort, 0, 0, 65535));
            token = ReadContainerToken(parsed);
        }
        else if (parsed.Has(Flags.ContainerHost) || parsed.Has(Flags.ContainerTokenFile))
        {
            throw new UsageException($"--{Flags.ContainerHost} and --{Flags.ContainerTokenFile} only apply with --{Flags.ContainerPort}.", $"Add --{Flags.ContainerPort} <port> to serve the container endpoint.");
        }

        return new ServeSettings
        {
            Port = port,
            HopLimit = hopLimit,
            RoleArn = arguments.RoleArn,
            RoleName = arguments.RoleName,
            ContainerEndpoint = container,
            ContainerToken = token,
        };
    }

    private static string ReadContainerToken(ParsedCommandLine parsed)
    {
        var file = parsed.Get(Flags.ContainerTokenFile);
        var source = file is null ? ContainerTokenVariable : $"--{Flags.ContainerTokenFile} '{file}'";
        var token = file is null ? Environment.GetEnvironmentVariable(ContainerTokenVariable) : ReadTokenFile(file);
        var fix = $"Generate one, e.g. 'export {ContainerTokenVariable}=$(openssl rand -hex 32)', and give the same value to the containers.";
        if (string.IsNullOrEmpty(token))
        {
            throw new UsageException($"The container endpoint requires a token of at least {MinimumTokenLength} characters (from --{Flags.ContainerTokenFile} or {ContainerTokenVariable}); none was given.", fix);
        }

        if (token.Length < MinimumTokenLength)
        {
            throw new UsageException($"The container token from {source} is too short: {token.Length} characters; at least {MinimumTokenLength} are required.", fix);
        }

        return token;
    }

    private static string ReadTokenFile(string file)
    {
        if (Interop.UnixFile.DescribeIfNotRegular(file) is { } kind)
        {
            throw new UsageException($"--{Flags.ContainerTokenFile} '{file}' is {kind}, not a regular file, and is not read (it could block or never end).", "Name a regular file holding the token (one line), or set " + ContainerTokenVariable + " instead.");
        }

        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--{Flags.ContainerTokenFile} '{file}' cannot be read: {e.Message}", "Name a readable file holding the token (one line), or set " + ContainerTokenVariable + " instead.");
        }
    }
}
