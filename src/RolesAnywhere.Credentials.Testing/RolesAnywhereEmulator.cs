using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolesAnywhere.Credentials.Testing.Hosting;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing;

/// <summary>
/// A local IAM Roles Anywhere CreateSession endpoint (plus STS <c>GetCallerIdentity</c>) on a loopback port, for
/// offline tests. It verifies requests as strictly as the service: the SigV4-X509 signature, the chain to a
/// configured trust anchor, validity dates, revocation, clock skew, ARNs, duration and session-name rules; and it
/// answers with realistic bodies or AWS-style errors. Configuration may change while requests are served.
/// </summary>
/// <example>
/// <code>
/// using var ca = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Test Root" });
/// using var client = ca.IssueClientCertificate();
/// await using var emulator = await RolesAnywhereEmulator.StartAsync();
/// var trustAnchorArn = emulator.AddTrustAnchor(ca.Certificate);
/// var roleArn = emulator.RoleArn("app");
/// var profileArn = emulator.AddProfile(new EmulatorProfile { RoleArns = [roleArn] });
/// // point the client at emulator.Endpoint
/// </code>
/// </example>
public sealed partial class RolesAnywhereEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private int _disposed;

    private RolesAnywhereEmulator(WebApplication app, EmulatorState state, Uri endpoint)
    {
        _app = app;
        _state = state;
        Endpoint = endpoint;
    }

    /// <summary>Gets the base address to send requests to, such as <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the region the emulator serves (credential scopes and ARNs must name it).</summary>
    public string Region => _state.Region;

    /// <summary>Gets the account id of the emulator's trust anchors, profiles and roles.</summary>
    public string AccountId => _state.AccountId;

    /// <summary>Gets the ARN partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …).</summary>
    public string Partition => _state.Partition;

    /// <summary>Gets the number of CreateSession requests answered with credentials so far.</summary>
    public int SuccessfulSessionCount => _state.SuccessfulSessions;

    /// <summary>Gets a snapshot of every request received so far, oldest first, with what was answered.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _state.Requests();

    /// <summary>Gets the number of scripted faults not yet played.</summary>
    public int PendingFaultCount => _state.PendingFaults;

    /// <summary>Starts an emulator on <c>127.0.0.1</c> and a free port.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults (us-east-1, account 111122223333, system clock).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop the server.</returns>
    /// <exception cref="ArgumentException">The region, account id or clock skew in <paramref name="options"/> is invalid.</exception>
    public static async Task<RolesAnywhereEmulator> StartAsync(RolesAnywhereEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RolesAnywhereEmulatorOptions();
        Validate(options);
        var state = new EmulatorState(options);
        // The empty builder reads no configuration files (no file watchers: inotify instances are scarce when
        // many emulators run at once), no environment variables and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Never the console lifetime: it would swallow SIGINT/SIGTERM for the whole process holding the emulator.
        builder.Services.AddSingleton<IHostLifetime, NoSignalHostLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.Run(context => EmulatorEndpoint.HandleAsync(context, state));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        state.AcceptedHosts[$"127.0.0.1:{endpoint.Port}"] = 0;
        state.AcceptedHosts[$"localhost:{endpoint.Port}"] = 0;
        return new RolesAnywhereEmulator(app, state, endpoint);
    }

    /// <summary>Returns the ARN of an IAM role in the emulator's account: <c>arn:{partition}:iam::{account}:role/{name}</c>.</summary>
    /// <param name="roleName">The role name, optionally with a path (<c>onprem/s3-read-only</c>).</param>
    /// <returns>The role ARN.</returns>
    /// <exception cref="ArgumentException"><paramref name="roleName"/> is empty.</exception>
    public string RoleArn(string roleName)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleName);
        return $"arn:{Partition}:iam::{AccountId}:role/{roleName}";
    }

    /// <summary>Adds a <c>Host</c> header value the emulator accepts besides its own address (a replayed request's host).</summary>
    /// <param name="host">The host, with <c>:port</c> when the client sends one.</param>
    /// <exception cref="ArgumentException"><paramref name="host"/> is empty.</exception>
    public void AcceptHost(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        _state.AcceptedHosts[host] = 0;
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _state.ClearRequests();

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var anchor in _state.TrustAnchors.Values)
        {
            anchor.Dispose();
        }
    }

    private static void Validate(RolesAnywhereEmulatorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            throw new ArgumentException("RolesAnywhereEmulatorOptions.Region must name a region such as 'us-east-1'.", nameof(options));
        }

        if (options.AccountId is not { Length: 12 } || !options.AccountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"RolesAnywhereEmulatorOptions.AccountId must be 12 digits, got '{options.AccountId}'.", nameof(options));
        }

        if (options.AllowedClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("RolesAnywhereEmulatorOptions.AllowedClockSkew cannot be negative.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.TimeProvider);
    }
}
