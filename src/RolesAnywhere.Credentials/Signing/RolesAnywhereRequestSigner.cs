using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Signs IAM Roles Anywhere <c>CreateSession</c> requests with SigV4-X509: an X.509 certificate and
/// its private key instead of an access key.
/// </summary>
/// <remarks>
/// <para>
/// The certificate-derived values are computed once, in the constructor. Each request then needs the
/// <c>Authorization</c> value from <see cref="TryCreateAuthorizationHeader"/> (which allocates nothing),
/// <see cref="CreateAuthorizationHeader"/> or <see cref="CreateAuthorizationHeaderAsync"/> (for keys in
/// hardware), and must be sent with exactly these headers, all of them signed:
/// </para>
/// <list type="bullet">
/// <item><description><c>Content-Type</c>: <see cref="SigningRequest.ContentType"/>, byte for byte (beware of a <c>; charset=utf-8</c> added by the HTTP stack).</description></item>
/// <item><description><c>Host</c>: <see cref="SigningRequest.Host"/>; <see cref="FormatHostHeader"/> gives what HTTP clients send.</description></item>
/// <item><description><c>X-Amz-Date</c>: <see cref="FormatAmzDate"/> of <see cref="SigningRequest.Timestamp"/>.</description></item>
/// <item><description><c>X-Amz-X509</c>: <see cref="CertificateHeaderValue"/>.</description></item>
/// <item><description><c>X-Amz-X509-Chain</c>: <see cref="CertificateChainHeaderValue"/>, only when it is not <see langword="null"/> (the service rejects an empty chain header).</description></item>
/// <item><description><c>Authorization</c>: the value this signer creates. Other headers (<c>User-Agent</c>, <c>Content-Length</c>) may be added; they are not signed.</description></item>
/// </list>
/// <para>
/// The request goes to <c>POST {Path}</c> followed by <c>?</c> and <see cref="FormatQueryString"/> of
/// the query parameters when there are any. The body must be <see cref="SigningRequest.Body"/>, unchanged.
/// The signer is thread-safe. It neither owns nor disposes the certificates or the signing key.
/// </para>
/// </remarks>
public sealed partial class RolesAnywhereRequestSigner
{
    /// <summary>The name of the header that carries <see cref="CertificateHeaderValue"/>.</summary>
    public const string CertificateHeaderName = "X-Amz-X509";

    /// <summary>The name of the header that carries <see cref="CertificateChainHeaderValue"/>.</summary>
    public const string CertificateChainHeaderName = "X-Amz-X509-Chain";

    /// <summary>The name of the header that carries the signing time (<see cref="FormatAmzDate"/>).</summary>
    public const string DateHeaderName = "X-Amz-Date";

    /// <summary>The length of an <c>X-Amz-Date</c> value, <c>yyyyMMddTHHmmssZ</c>.</summary>
    internal const int AmzDateLength = AmzDate.Length;

    private const string RsaAlgorithmName = "AWS4-X509-RSA-SHA256";
    private const string EcdsaAlgorithmName = "AWS4-X509-ECDSA-SHA256";
    private const string MLDsaAlgorithmName = "AWS4-X509-MLDSA";
    private const string ScopeTerminator = "/rolesanywhere/aws4_request";

    /// <summary>
    /// The longest string to sign: the longer algorithm name, the timestamp, the scope
    /// (<c>yyyyMMdd/{region}/rolesanywhere/aws4_request</c>) and a hex SHA-256, with three line feeds.
    /// </summary>
    internal const int MaxStringToSignLength =
        22 + 1 + AmzDate.Length + 1 + AmzDate.DateStampLength + 1 + SigningRequestValidator.MaxRegionLength
        + 27 + 1 + CanonicalRequestWriter.Sha256HexLength;

    /// <summary>
    /// Signatures stay on the stack up to this size: an RSA-4096 signature is 512 bytes, a P-521 DER one 139. ML-DSA
    /// signatures (2420, 3309 or 4627 bytes, <see cref="MLDsaParameterSet.SignatureSize"/>) would strain the stack: they
    /// are rented from the shared <see cref="ArrayPool{T}"/> (no allocation once warm) and zeroed before return.
    /// </summary>
    private const int MaxStackSignatureBytes = 512;

    private readonly ISigningKey _signingKey;
    private readonly BodyHashCache _bodyHashCache = new();
    private readonly byte[] _algorithmLine;
    private readonly byte[] _certificateLines;
    private readonly byte[] _signedHeadersBytes;
    private readonly string _authorizationPrefix;
    private readonly string _authorizationMiddle;

    /// <summary>Initializes a new instance for a certificate, its intermediates and its private key.</summary>
    /// <param name="certificate">The leaf certificate, issued under a trust anchor of the account.</param>
    /// <param name="intermediates">
    /// The intermediate CA certificates between the leaf and the trust anchor, sent as <c>X-Amz-X509-Chain</c>;
    /// <see langword="null"/> or empty for none. A copy of the leaf in the list is left out.
    /// </param>
    /// <param name="signingKey">The certificate's private key. Not disposed by the signer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> or <paramref name="signingKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="intermediates"/> holds a <see langword="null"/> entry.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">
    /// The certificate's public key is neither RSA, EC nor ML-DSA, or is of another family than <paramref name="signingKey"/>.
    /// </exception>
    public RolesAnywhereRequestSigner(X509Certificate2 certificate, IEnumerable<X509Certificate2>? intermediates, ISigningKey signingKey)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(signingKey);

        SigningKeyAlgorithm? certificateAlgorithm = X509HeaderValues.GetPublicKeyAlgorithm(certificate);
        AlgorithmName = signingKey.Algorithm switch
        {
            SigningKeyAlgorithm.Rsa => RsaAlgorithmName,
            SigningKeyAlgorithm.Ecdsa => EcdsaAlgorithmName,
            SigningKeyAlgorithm.MLDsa => MLDsaAlgorithmName,
            _ => throw new RolesAnywhereConfigurationException($"The signing key {signingKey} reports the unknown algorithm '{signingKey.Algorithm}'; IAM Roles Anywhere accepts RSA, ECDSA and ML-DSA keys."),
        };
        if (certificateAlgorithm is null)
        {
            throw new RolesAnywhereConfigurationException($"The certificate '{certificate.Subject}' has a public key of type {certificate.GetKeyAlgorithm()}; IAM Roles Anywhere accepts RSA, EC (P-256, P-384, P-521) and ML-DSA (44, 65, 87) certificates.");
        }

        if (certificateAlgorithm != signingKey.Algorithm)
        {
            throw new RolesAnywhereConfigurationException($"The certificate '{certificate.Subject}' has an {certificateAlgorithm.Value.ToString().ToUpperInvariant()} public key but the signing key {signingKey} is {signingKey.Algorithm.ToString().ToUpperInvariant()}: the private key does not belong to this certificate.");
        }

        if (signingKey.MaxSignatureSizeInBytes <= 0)
        {
            throw new RolesAnywhereConfigurationException(string.Create(CultureInfo.InvariantCulture, $"The signing key {signingKey} reports a maximum signature size of {signingKey.MaxSignatureSizeInBytes} bytes; it must be positive."));
        }

        _signingKey = signingKey;
        CertificateHeaderValue = X509HeaderValues.GetCertificateValue(certificate);
        CertificateChainHeaderValue = X509HeaderValues.GetChainValue(certificate, intermediates, nameof(intermediates));
        SerialNumber = X509HeaderValues.GetSerialNumberDecimal(certificate);

        string signedHeaders = CertificateChainHeaderValue is null
            ? "content-type;host;x-amz-date;x-amz-x509"
            : "content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain";
        string certificateLines = CertificateChainHeaderValue is null
            ? $"x-amz-x509:{CertificateHeaderValue}\n"
            : $"x-amz-x509:{CertificateHeaderValue}\nx-amz-x509-chain:{CertificateChainHeaderValue}\n";
        _algorithmLine = Encoding.ASCII.GetBytes(AlgorithmName + "\n");
        _certificateLines = Encoding.ASCII.GetBytes(certificateLines);
        _signedHeadersBytes = Encoding.ASCII.GetBytes(signedHeaders);
        _authorizationPrefix = $"{AlgorithmName} Credential={SerialNumber}/";
        _authorizationMiddle = $"{ScopeTerminator}, SignedHeaders={signedHeaders}, Signature=";
        MaxAuthorizationHeaderLength = GetAuthorizationHeaderLength(SigningRequestValidator.MaxRegionLength, signingKey.MaxSignatureSizeInBytes);
    }

    /// <summary>Gets the SigV4-X509 algorithm name: <c>AWS4-X509-RSA-SHA256</c>, <c>AWS4-X509-ECDSA-SHA256</c> or <c>AWS4-X509-MLDSA</c>.</summary>
    /// <value>Chosen by the key family; SHA-256 for RSA and ECDSA whatever hash signed the certificate itself; ML-DSA signs the string to sign as is.</value>
    public string AlgorithmName { get; }

    /// <summary>Gets the <c>X-Amz-X509</c> header value: the standard padded base64 of the leaf certificate's DER.</summary>
    public string CertificateHeaderValue { get; }

    /// <summary>
    /// Gets the <c>X-Amz-X509-Chain</c> header value: the comma-separated base64 DER of the intermediates,
    /// or <see langword="null"/> when there are none, in which case the header must not be sent at all.
    /// </summary>
    public string? CertificateChainHeaderValue { get; }

    /// <summary>Gets the leaf certificate's serial number as an unsigned decimal integer, as the <c>Credential=</c> field carries it.</summary>
    public string SerialNumber { get; }

    /// <summary>
    /// Gets the longest <c>Authorization</c> value this signer can produce: a <c>destination</c> of this
    /// many characters is always large enough for <see cref="TryCreateAuthorizationHeader"/>.
    /// </summary>
    public int MaxAuthorizationHeaderLength { get; }

    /// <summary>Writes the <c>Authorization</c> header value of a request without allocating.</summary>
    /// <param name="request">What the signature covers.</param>
    /// <param name="destination">Receives the header value; <see cref="MaxAuthorizationHeaderLength"/> characters always suffice.</param>
    /// <param name="charsWritten">The number of characters written, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small; otherwise <see langword="true"/>.</returns>
    /// <exception cref="ArgumentException">A part of <paramref name="request"/> is missing or malformed (the message names it).</exception>
    /// <exception cref="RolesAnywhereException">The signing key failed.</exception>
    public bool TryCreateAuthorizationHeader(in SigningRequest request, Span<char> destination, out int charsWritten)
    {
        int queryLength = SigningRequestValidator.Validate(request, nameof(request));
        Span<byte> stringToSign = stackalloc byte[MaxStringToSignLength];
        int stringToSignLength = WriteStringToSign(request, queryLength, stringToSign);

        int maxSignatureSize = _signingKey.MaxSignatureSizeInBytes;
        byte[]? rented = null;
        Span<byte> signature = maxSignatureSize <= MaxStackSignatureBytes
            ? stackalloc byte[MaxStackSignatureBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(maxSignatureSize));
        int signatureLength = 0;
        try
        {
            if (!_signingKey.TrySign(stringToSign[..stringToSignLength], signature, out signatureLength))
            {
                throw SignatureTooLarge();
            }

            return TryWriteAuthorizationHeader(request, signature[..signatureLength], destination, out charsWritten);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented.AsSpan(0, signatureLength));
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Creates the <c>Authorization</c> header value of a request, signing synchronously.</summary>
    /// <param name="request">What the signature covers.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">A part of <paramref name="request"/> is missing or malformed (the message names it).</exception>
    /// <exception cref="RolesAnywhereException">The signing key failed.</exception>
    public string CreateAuthorizationHeader(in SigningRequest request)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(MaxAuthorizationHeaderLength);
        try
        {
            return TryCreateAuthorizationHeader(request, buffer, out int written)
                ? new string(buffer, 0, written)
                : throw new InvalidOperationException("The Authorization header is longer than MaxAuthorizationHeaderLength.");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Creates the <c>Authorization</c> header value of a request through <see cref="ISigningKey.SignAsync"/>,
    /// for keys whose operations involve I/O (smart cards, HSMs, TPMs, remote signers).
    /// </summary>
    /// <param name="request">What the signature covers.</param>
    /// <param name="cancellationToken">Cancels the signing operation.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">A part of <paramref name="request"/> is missing or malformed (the message names it).</exception>
    /// <exception cref="RolesAnywhereException">The signing key failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async ValueTask<string> CreateAuthorizationHeaderAsync(SigningRequest request, CancellationToken cancellationToken = default)
    {
        int queryLength = SigningRequestValidator.Validate(request, nameof(request));
        int maxSignatureSize = _signingKey.MaxSignatureSizeInBytes;
        byte[] stringToSign = ArrayPool<byte>.Shared.Rent(MaxStringToSignLength);
        byte[] signature = ArrayPool<byte>.Shared.Rent(maxSignatureSize);
        try
        {
            int stringToSignLength = WriteStringToSign(request, queryLength, stringToSign);
            int signatureLength = await _signingKey
                .SignAsync(stringToSign.AsMemory(0, stringToSignLength), signature.AsMemory(0, maxSignatureSize), cancellationToken)
                .ConfigureAwait(false);
            if (signatureLength <= 0 || signatureLength > maxSignatureSize)
            {
                throw SignatureTooLarge();
            }

            return FormatAuthorizationHeader(request, signature.AsSpan(0, signatureLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(signature.AsSpan(0, maxSignatureSize));
            ArrayPool<byte>.Shared.Return(stringToSign);
            ArrayPool<byte>.Shared.Return(signature);
        }
    }

    private RolesAnywhereException SignatureTooLarge() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"The signing key {_signingKey} produced no signature within its declared maximum of {_signingKey.MaxSignatureSizeInBytes} bytes; its MaxSignatureSizeInBytes is wrong."));
}
