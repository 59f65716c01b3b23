using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Refresh;

/// <summary>
/// Signs CreateSession requests with the identity <see cref="RolesAnywhereOptions"/> describe and, when the
/// certificate, key or intermediates come from files, reloads them once the files change: the next
/// request uses the new pair, and a pair that does not match (or a file half written) is reported as a
/// <see cref="RolesAnywhereConfigurationException"/> instead of being sent. The previous identity stays
/// in use until a new one loads.
/// </summary>
internal sealed class RotatingRequestSigner : ICreateSessionSigner, IDisposable
{
    private const string ContentType = "application/json";

    private readonly IdentitySpec _spec;
    private readonly string?[] _paths;
    private readonly RolesAnywhereEndpoint _endpoint;
    private readonly string _host;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private volatile Generation _current;
    private Generation? _retired;

    private RotatingRequestSigner(IdentitySpec spec, string?[] paths, RolesAnywhereEndpoint endpoint, TimeProvider time, Generation first)
    {
        _spec = spec;
        _paths = paths;
        _endpoint = endpoint;
        _host = RolesAnywhereRequestSigner.FormatHostHeader(endpoint.SessionsUri);
        _time = time;
        _current = first;
    }

    public X509Certificate2 Certificate => _current.Identity.Certificate;

    /// <summary>Opens the key, loads the identity and checks it can sign, once; later loads (files changed) borrow the opened key.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The certificate or key cannot be used.</exception>
    /// <remarks>The sources are taken from <paramref name="options"/> now; later changes to the options object are not seen.</remarks>
    public static RotatingRequestSigner Create(RolesAnywhereOptions options, RolesAnywhereEndpoint endpoint, TimeProvider time)
    {
        var spec = SigningIdentityLoader.OpenSpec(options, time);
        SigningIdentity? identity = null;
        try
        {
            string?[] paths = [options.CertificatePath, options.PrivateKeyPath, options.IntermediatesPath];
            var stamps = FileStamp.Of(paths);
            identity = SigningIdentityLoader.Build(spec, time, borrowOpenedKey: true);
            return new(spec, paths, endpoint, time, NewGeneration(identity, stamps));
        }
        catch
        {
            identity?.Dispose();
            spec.OpenedKey?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Signs with <paramref name="identity"/> only, never reloading it and never disposing it (the caller owns it): the
    /// CreateSession that proves a renewed pair before it is installed.
    /// </summary>
    public static RotatingRequestSigner ForIdentity(SigningIdentity identity, RolesAnywhereEndpoint endpoint, TimeProvider time) =>
        new(new IdentitySpec(), [], endpoint, time, new Generation(identity, new RolesAnywhereRequestSigner(identity.Certificate, identity.Intermediates, identity.SigningKey), [], borrowed: true));

    public void Refresh()
    {
        var current = _current;
        var stamps = FileStamp.Of(_paths);
        if (!current.Stamps.SequenceEqual(stamps))
        {
            lock (_gate)
            {
                current = _current;
                if (!current.Stamps.SequenceEqual(stamps))
                {
                    // The files changed: a renewal may have been killed mid-swap; complete it before reading them.
                    if (_paths.Length == 3 && Renewal.InterruptedSwap.CompleteIfAny(_paths[0], _paths[1], _paths[2]))
                    {
                        stamps = FileStamp.Of(_paths);
                    }

                    var next = Load(_spec, _time, stamps);
                    _retired?.Dispose();
                    _retired = current;
                    _current = current = next;
                }
            }
        }

        var notAfter = new DateTimeOffset(current.Identity.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter <= _time.GetUtcNow())
        {
            throw new RolesAnywhereConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The certificate '{current.Identity.Certificate.Subject}' (serial {current.Identity.Certificate.SerialNumber}) expired at {notAfter:yyyy-MM-ddTHH:mm:ssZ}; nothing was sent. Install a renewed certificate and key (files are re-read on the next refresh)."));
        }
    }

    public void Sign(HttpRequestMessage request, byte[] body, DateTimeOffset signingTime)
    {
        var signer = _current.Signer;
        var authorization = signer.CreateAuthorizationHeader(SigningRequestFor(body, signingTime));
        Apply(request, signer, signingTime, authorization);
    }

    public async ValueTask SignAsync(HttpRequestMessage request, byte[] body, DateTimeOffset signingTime, CancellationToken cancellationToken)
    {
        var signer = _current.Signer;
        var authorization = await signer.CreateAuthorizationHeaderAsync(SigningRequestFor(body, signingTime), cancellationToken).ConfigureAwait(false);
        Apply(request, signer, signingTime, authorization);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _retired?.Dispose();
            _current.Dispose();

            // Every generation borrowed the key opened for the spec.
            _spec.OpenedKey?.Dispose();
        }
    }

    private SigningRequest SigningRequestFor(byte[] body, DateTimeOffset signingTime) =>
        new(_host, _endpoint.SessionsUri.AbsolutePath, ContentType, body, signingTime, _endpoint.SigningRegion);

    private void Apply(HttpRequestMessage request, RolesAnywhereRequestSigner signer, DateTimeOffset signingTime, string authorization)
    {
        var headers = request.Headers;
        headers.Host = _host;
        headers.TryAddWithoutValidation(RolesAnywhereRequestSigner.DateHeaderName, RolesAnywhereRequestSigner.FormatAmzDate(signingTime));
        headers.TryAddWithoutValidation(RolesAnywhereRequestSigner.CertificateHeaderName, signer.CertificateHeaderValue);
        if (signer.CertificateChainHeaderValue is { } chain)
        {
            headers.TryAddWithoutValidation(RolesAnywhereRequestSigner.CertificateChainHeaderName, chain);
        }

        headers.TryAddWithoutValidation("Authorization", authorization);
    }

    private static Generation Load(IdentitySpec spec, TimeProvider time, FileStamp[] stamps)
    {
        var identity = SigningIdentityLoader.Build(spec, time, borrowOpenedKey: true);
        try
        {
            return NewGeneration(identity, stamps);
        }
        catch
        {
            identity.Dispose();
            throw;
        }
    }

    private static Generation NewGeneration(SigningIdentity identity, FileStamp[] stamps) =>
        new(identity, new RolesAnywhereRequestSigner(identity.Certificate, identity.Intermediates, identity.SigningKey), stamps);

    /// <summary>One loaded identity and the signer over it.</summary>
    private sealed class Generation(SigningIdentity identity, RolesAnywhereRequestSigner signer, FileStamp[] stamps, bool borrowed = false) : IDisposable
    {
        public SigningIdentity Identity { get; } = identity;

        public RolesAnywhereRequestSigner Signer { get; } = signer;

        public FileStamp[] Stamps { get; } = stamps;

        public void Dispose()
        {
            if (!borrowed)
            {
                Identity.Dispose();
            }
        }
    }
}
