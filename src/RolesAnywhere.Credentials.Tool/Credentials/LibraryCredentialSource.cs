using System.Net;
using System.Net.Security;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>
/// Sessions from the library: the CreateSession client of a <see cref="RolesAnywhereAWSCredentials"/> configured
/// from the command line, one CreateSession (with its retries) per call. The tool caches (<c>credential-process</c>)
/// and keeps credentials fresh (<see cref="CredentialKeeper"/>, on the library's refresh core) itself. Built on
/// first use (again after a failure), so a cached <c>credential-process</c> never loads the key. Certificate and key
/// files are re-read when they change on disk.
/// </summary>
internal sealed class LibraryCredentialSource : ISessionSource
{
    private readonly SessionArguments arguments;
    private readonly Func<string, string?>? pinPrompt;
    private readonly Lock gate = new();
    private RolesAnywhereAWSCredentials? credentials;

    private LibraryCredentialSource(SessionArguments arguments, Func<string, string?>? pinPrompt)
    {
        this.arguments = arguments;
        this.pinPrompt = pinPrompt;
    }

    /// <summary>A source for <paramref name="arguments"/>; <paramref name="pinPrompt"/> asks for a token PIN the URI does not give, or is <see langword="null"/>.</summary>
    public static ISessionSource Create(SessionArguments arguments, Func<string, string?>? pinPrompt) => new LibraryCredentialSource(arguments, pinPrompt);

    public ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken) =>
        Credentials.Client.CreateSessionAsync(async, cancellationToken);

    /// <summary>
    /// The credentials, made on first use. A failure is not kept: the next call tries again, so that a certificate that
    /// could not be used (expired) is picked up once replaced on disk, by a renewal or by hand.
    /// </summary>
    private RolesAnywhereAWSCredentials Credentials
    {
        get
        {
            lock (gate)
            {
                return credentials ??= new RolesAnywhereAWSCredentials(ToOptions(arguments, pinPrompt), TimeProvider.System, httpMessageHandler: null, observer: null);
            }
        }
    }

    /// <summary>The library options the official helper's flags mean.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">A flag asks for something this build cannot do.</exception>
    internal static RolesAnywhereOptions ToOptions(SessionArguments arguments, Func<string, string?>? pinPrompt) =>
        KeySourceFlags.ApplyTo(arguments.Parsed, new RolesAnywhereOptions
        {
            TrustAnchorArn = arguments.TrustAnchorArn,
            ProfileArn = arguments.ProfileArn,
            RoleArn = arguments.RoleArn,
            Region = arguments.Region,
            Endpoint = arguments.Endpoint,
            SessionDuration = TimeSpan.FromSeconds(arguments.SessionDurationSeconds),
            RoleSessionName = arguments.RoleSessionName,
            HttpMessageHandler = CreateHandler(arguments),
        },
        pinPrompt);

    /// <summary>
    /// As in the official helper: no proxy unless <c>--with-proxy</c> (then <c>HTTPS_PROXY</c>/<c>NO_PROXY</c>
    /// apply), and server certificates unchecked only with <c>--no-verify-ssl</c>.
    /// </summary>
    private static SocketsHttpHandler CreateHandler(SessionArguments arguments)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = arguments.WithProxy,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (arguments.NoVerifySsl)
        {
            // The user asked for it (testing against a proxy or endpoint with a private CA): name it loudly.
            var insecure = arguments.NoVerifySsl;
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None || insecure,
            };
        }

        return handler;
    }
}
