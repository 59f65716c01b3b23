namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// The parts of a <c>CreateSession</c> request that the SigV4-X509 signature covers, as handed to
/// <see cref="RolesAnywhereRequestSigner"/>. The method is always <c>POST</c>.
/// </summary>
/// <remarks>
/// Every value must be exactly what is sent: the signer canonicalizes them the way the service does,
/// so a difference between what was signed and what went on the wire fails with "Invalid signature".
/// A default instance is invalid; the signer rejects it with an <see cref="ArgumentException"/>.
/// </remarks>
public readonly struct SigningRequest
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="host">
    /// The <c>Host</c> header value: the endpoint's host name, followed by <c>:port</c> when the port is
    /// not the scheme's default (see <see cref="RolesAnywhereRequestSigner.FormatHostHeader(Uri)"/>).
    /// </param>
    /// <param name="path">The absolute request path, normally <c>/sessions</c>; RFC 3986 unreserved characters and <c>/</c> only.</param>
    /// <param name="contentType">The <c>Content-Type</c> header value exactly as sent, such as <c>application/json</c>.</param>
    /// <param name="body">The request body bytes exactly as sent.</param>
    /// <param name="timestamp">The signing time; sent as <c>X-Amz-Date</c> (see <see cref="RolesAnywhereRequestSigner.FormatAmzDate(DateTimeOffset)"/>).</param>
    /// <param name="region">The plain signing region, such as <c>us-east-1</c>, also for FIPS endpoints.</param>
    /// <param name="queryParameters">
    /// The query parameters, unencoded; <see langword="null"/> or empty for none. The signer encodes and
    /// sorts them; send them as <see cref="RolesAnywhereRequestSigner.FormatQueryString"/> writes them.
    /// </param>
    public SigningRequest(
        string host,
        string path,
        string contentType,
        ReadOnlyMemory<byte> body,
        DateTimeOffset timestamp,
        string region,
        IReadOnlyList<KeyValuePair<string, string>>? queryParameters = null)
    {
        Host = host;
        Path = path;
        ContentType = contentType;
        Body = body;
        Timestamp = timestamp;
        Region = region;
        QueryParameters = queryParameters;
    }

    /// <summary>Gets the <c>Host</c> header value, with <c>:port</c> when the port is not the scheme's default.</summary>
    public string Host { get; }

    /// <summary>Gets the absolute request path, normally <c>/sessions</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the <c>Content-Type</c> header value exactly as sent.</summary>
    public string ContentType { get; }

    /// <summary>Gets the request body exactly as sent.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the signing time, sent as <c>X-Amz-Date</c>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the plain signing region (never a <c>-fips</c> pseudo-region).</summary>
    public string Region { get; }

    /// <summary>Gets the unencoded query parameters, or <see langword="null"/> for none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? QueryParameters { get; }
}
