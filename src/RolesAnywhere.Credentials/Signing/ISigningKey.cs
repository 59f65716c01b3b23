namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// A private key that can sign IAM Roles Anywhere requests, wherever it lives: in memory, in an
/// HSM or smart card (PKCS#11), in a TPM or in an operating-system certificate store.
/// </summary>
/// <remarks>
/// <para>
/// Implementations hash the data with SHA-256 themselves and produce the signature in the form the
/// service accepts: RSA PKCS#1 v1.5 for <see cref="SigningKeyAlgorithm.Rsa"/>, and an ASN.1 DER
/// <c>SEQUENCE { r, s }</c> for <see cref="SigningKeyAlgorithm.Ecdsa"/> (never the raw <c>r||s</c>
/// form that .NET's <c>ECDsa</c> and PKCS#11 <c>CKM_ECDSA</c> produce by default). ML-DSA keys
/// (<see cref="SigningKeyAlgorithm.MLDsa"/>) hash nothing: they sign the data itself, pure ML-DSA with an empty context.
/// </para>
/// <para>Implementations are thread-safe: one key signs for every concurrent refresh.</para>
/// <para>
/// <see cref="RolesAnywhereRequestSigner"/> calls <see cref="TrySign"/> from its allocation-free entry
/// point and <see cref="SignAsync"/> from its asynchronous one, each time with a destination of
/// <see cref="MaxSignatureSizeInBytes"/> bytes or more. Keys that block on I/O should implement
/// <see cref="SignAsync"/> truly asynchronously; keys in memory may complete it synchronously.
/// After <see cref="IDisposable.Dispose"/>, signing throws <see cref="ObjectDisposedException"/>;
/// disposing twice is harmless. <c>ToString()</c> must never reveal key material or PINs.
/// </para>
/// <para>
/// <c>SigningKeyContractTests</c> in the test suite checks all of this for every implementation,
/// verifying each signature with the platform's own <c>RSA</c>/<c>ECDsa</c> and the certificate.
/// </para>
/// </remarks>
public interface ISigningKey : IDisposable
{
    /// <summary>Gets the key's algorithm family, which selects the SigV4-X509 algorithm name.</summary>
    SigningKeyAlgorithm Algorithm { get; }

    /// <summary>Gets the largest signature, in bytes, that this key can produce.</summary>
    /// <value>
    /// The modulus length for RSA (256 for RSA-2048); the longest DER encoding for ECDSA (72 for P-256,
    /// 104 for P-384, 139 for P-521); the signature length for ML-DSA (2420, 3309 or 4627). The signer sizes its buffers from it.
    /// </value>
    int MaxSignatureSizeInBytes { get; }

    /// <summary>Signs <paramref name="data"/> (SHA-256 is applied by the key) into <paramref name="destination"/>.</summary>
    /// <param name="data">The bytes to sign: for SigV4-X509, the string to sign.</param>
    /// <param name="destination">Receives the signature.</param>
    /// <param name="bytesWritten">The number of bytes written to <paramref name="destination"/>; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> when <paramref name="destination"/> is too small; otherwise <see langword="true"/>.</returns>
    /// <exception cref="RolesAnywhereException">The key could not sign (for example a hardware token was removed).</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten);

    /// <summary>Signs <paramref name="data"/> asynchronously, for keys whose operations involve I/O.</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <param name="destination">Receives the signature; at least <see cref="MaxSignatureSizeInBytes"/> long.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    /// <exception cref="RolesAnywhereException">The key could not sign.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (at least when it already was at the call).</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default);
}
