using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using RolesAnywhere.Credentials.Renewal.Cfssl;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// An issuer that asks a CFSSL server (<c>cfssl serve</c>, <c>multirootca</c>) to sign: <c>POST /api/v1/cfssl/sign</c>,
/// or <c>/api/v1/cfssl/authsign</c> with an HMAC-SHA-256 token when an auth key is configured, with a signing
/// profile of the server's configuration.
/// </summary>
public sealed class CfsslCertificateIssuer : ICertificateIssuer, IDisposable
{
    /// <summary>The largest answer read: a certificate and its chain in CFSSL's JSON are a few kilobytes.</summary>
    internal const int MaxAnswerBytes = 1 << 20;

    private const int ReadBufferBytes = 16 * 1024;

    private readonly Uri _baseAddress;
    private readonly string? _profile;
    private readonly byte[]? _authKey;
    private readonly HttpClient _http;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="url">The server, for example <c>http://ca.internal:8888</c>.</param>
    /// <param name="profile">The signing profile of the server's configuration, or <see langword="null"/> for its default.</param>
    /// <param name="authKey">The shared auth key as hex (as in the server's <c>auth_keys</c>), to use <c>authsign</c>; <see langword="null"/> for <c>sign</c>. Never logged.</param>
    /// <param name="httpMessageHandler">The HTTP handler, or <see langword="null"/> for the default (system proxy, 60 s timeout).</param>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http(s) URL, or <paramref name="authKey"/> is not hex.</exception>
    public CfsslCertificateIssuer(Uri url, string? profile = null, string? authKey = null, HttpMessageHandler? httpMessageHandler = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The CFSSL URL '{url}' must be an absolute http:// or https:// URL.", nameof(url));
        }

        _baseAddress = url;
        _profile = string.IsNullOrWhiteSpace(profile) ? null : profile;
        if (authKey is not null)
        {
            try
            {
                _authKey = Convert.FromHexString(authKey.Trim());
            }
            catch (FormatException ex)
            {
                throw new ArgumentException("The CFSSL auth key must be hexadecimal, as in the server's auth_keys (for example the output of 'openssl rand -hex 16').", nameof(authKey), ex);
            }
        }

        _http = httpMessageHandler is null ? new HttpClient() : new HttpClient(httpMessageHandler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromSeconds(60);
    }

    /// <inheritdoc/>
    public async Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sign = JsonSerializer.SerializeToUtf8Bytes(new CfsslSignRequest { CertificateRequest = request.Pem, Profile = _profile }, CfsslJsonContext.Default.CfsslSignRequest);
        byte[] body;
        string endpoint;
        if (_authKey is null)
        {
            (body, endpoint) = (sign, "api/v1/cfssl/sign");
        }
        else
        {
            var token = HMACSHA256.HashData(_authKey, sign);
            body = JsonSerializer.SerializeToUtf8Bytes(new CfsslAuthenticatedRequest { Token = token, Request = sign }, CfsslJsonContext.Default.CfsslAuthenticatedRequest);
            endpoint = "api/v1/cfssl/authsign";
        }

        var uri = new Uri(_baseAddress.AbsoluteUri.EndsWith('/') ? _baseAddress : new Uri(_baseAddress.AbsoluteUri + "/"), endpoint);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        CfsslResponse? response;
        System.Net.HttpStatusCode status;
        try
        {
            // Headers first, then at most MaxAnswerBytes of the body, all within the client's timeout: a server that
            // answers hundreds of megabytes, or drips, is stopped instead of read whole.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_http.Timeout);
            using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            status = answer.StatusCode;
            response = await ReadAsync(answer, uri, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Failed($"The CFSSL server at {uri} cannot be reached ({PrintableText.Of(ex.Message)}); check --cfssl-url and that the server runs.", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"The CFSSL server at {uri} did not answer within {_http.Timeout.TotalSeconds:0} s."), ex);
        }

        if (response is null)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"The CFSSL server at {uri} answered HTTP {(int)status} without a CFSSL response; is the URL that of a CFSSL API?"));
        }

        if (!response.Success || response.Result?.Certificate is not { Length: > 0 } pem)
        {
            var errors = response.Errors is { Count: > 0 } list
                ? string.Join("; ", list.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Code} {PrintableText.Of(e.Message)}")))
                : "no error given";
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"The CFSSL server at {uri} refused to sign (HTTP {(int)status}: {errors})."));
        }

        return IssuedCertificate.FromPem(pem, $"the CFSSL server at {uri}");
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private static async Task<CfsslResponse?> ReadAsync(HttpResponseMessage answer, Uri uri, CancellationToken cancellationToken)
    {
        if (answer.Content.Headers.ContentLength is > MaxAnswerBytes)
        {
            throw TooLarge(uri, string.Create(CultureInfo.InvariantCulture, $"{answer.Content.Headers.ContentLength} bytes announced"));
        }

        using var body = new MemoryStream();
        var stream = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ReadBufferBytes];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxAnswerBytes)
                {
                    throw TooLarge(uri, "the answer did not end");
                }

                body.Write(buffer, 0, read);
            }
        }

        try
        {
            return JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), CfsslJsonContext.Default.CfsslResponse);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CertificateRenewalException TooLarge(Uri uri, string what) =>
        Failed(string.Create(CultureInfo.InvariantCulture, $"The CFSSL server at {uri} answered more than {MaxAnswerBytes / 1024 / 1024} MiB ({what}), and was not read further: a certificate and its chain are a few kilobytes. Is the URL that of a CFSSL API?"));

    private static CertificateRenewalException Failed(string message, Exception? inner = null) =>
        new(CertificateRenewalStage.Issuance, message + " Nothing was replaced.", inner);
}
