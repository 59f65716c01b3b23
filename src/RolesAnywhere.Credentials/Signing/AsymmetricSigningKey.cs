using System.Globalization;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// An <see cref="ISigningKey"/> over a .NET <see cref="RSA"/> (2048- to 4096-bit modulus) or <see cref="ECDsa"/>
/// (NIST P-256, P-384 or P-521) object, wherever that object keeps its key: in memory, in Windows CNG (non-exportable
/// keys included), or in a TPM through an OpenSSL provider.
/// </summary>
/// <remarks>
/// <para>
/// RSA signatures use PKCS#1 v1.5 with SHA-256. ECDSA signatures use SHA-256 whatever the curve and
/// are encoded as an ASN.1 DER <c>SEQUENCE { r, s }</c>
/// (<see cref="DSASignatureFormat.Rfc3279DerSequence"/>), the only form IAM Roles Anywhere accepts.
/// </para>
/// <para>
/// The key takes ownership of the <see cref="RSA"/> or <see cref="ECDsa"/> it is given and disposes it
/// in <see cref="Dispose"/>; do not use or dispose that object yourself afterwards. Instances are
/// thread-safe: any number of threads may sign at once.
/// </para>
/// </remarks>
public sealed class AsymmetricSigningKey : ISigningKey
{
    /// <summary>The smallest RSA modulus accepted, in bits.</summary>
    public const int MinimumRsaKeySize = 2048;

    /// <summary>The largest RSA modulus accepted, in bits.</summary>
    public const int MaximumRsaKeySize = 4096;

    private const string P256Oid = "1.2.840.10045.3.1.7";
    private const string P384Oid = "1.3.132.0.34";
    private const string P521Oid = "1.3.132.0.35";

    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;
    private readonly string _description;
    private volatile bool _disposed;

    /// <summary>
    /// Gets the platform key this instance signs with, for callers inside the project that need a digest
    /// other than SHA-256 (the command-line tool's <c>sign-string --digest</c>). Owned by this instance.
    /// </summary>
    internal AsymmetricAlgorithm PlatformKey => (AsymmetricAlgorithm?)_rsa ?? _ecdsa!;

    /// <summary>Initializes a new instance over an RSA private key, taking ownership of it.</summary>
    /// <param name="rsa">The private key; its modulus must be 2048 to 4096 bits. Disposed with this instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rsa"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The modulus is smaller than 2048 or larger than 4096 bits.</exception>
    public AsymmetricSigningKey(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        int keySize = rsa.KeySize;
        if (keySize is < MinimumRsaKeySize or > MaximumRsaKeySize)
        {
            throw new RolesAnywhereConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The RSA private key has a {keySize}-bit modulus; IAM Roles Anywhere signing needs {MinimumRsaKeySize} to {MaximumRsaKeySize} bits. Issue the certificate for a key of a supported size (for example 'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048')."));
        }

        _rsa = rsa;
        Algorithm = SigningKeyAlgorithm.Rsa;
        MaxSignatureSizeInBytes = (keySize + 7) / 8;
        _description = string.Create(CultureInfo.InvariantCulture, $"AsymmetricSigningKey(RSA {keySize})");
    }

    /// <summary>Initializes a new instance over an ECDSA private key, taking ownership of it.</summary>
    /// <param name="ecdsa">The private key, on the NIST P-256, P-384 or P-521 curve. Disposed with this instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ecdsa"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The key is on another curve (for example brainpool or secp256k1).</exception>
    public AsymmetricSigningKey(ECDsa ecdsa)
    {
        ArgumentNullException.ThrowIfNull(ecdsa);
        string curve = DescribeSupportedCurve(ecdsa);
        _ecdsa = ecdsa;
        Algorithm = SigningKeyAlgorithm.Ecdsa;
        MaxSignatureSizeInBytes = ecdsa.GetMaxSignatureSize(DSASignatureFormat.Rfc3279DerSequence);
        _description = string.Create(CultureInfo.InvariantCulture, $"AsymmetricSigningKey(ECDSA {curve})");
    }

    /// <inheritdoc/>
    public SigningKeyAlgorithm Algorithm { get; }

    /// <inheritdoc/>
    /// <value>The modulus size in bytes for RSA; for ECDSA the longest DER signature of the curve (72, 104 or 139 bytes).</value>
    public int MaxSignatureSizeInBytes { get; }

    /// <inheritdoc/>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            return _rsa is not null
                ? _rsa.TrySignData(data, destination, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, out bytesWritten)
                : TrySignEcdsa(_ecdsa!, data, destination, out bytesWritten);
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereException($"{_description} could not sign: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Software keys sign synchronously; the returned task is already complete.</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before signing.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<int>(cancellationToken);
        }

        if (!TrySign(data.Span, destination.Span, out int written))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The destination ({destination.Length} bytes) is too small for a signature of up to {MaxSignatureSizeInBytes} bytes."),
                nameof(destination));
        }

        return ValueTask.FromResult(written);
    }

    /// <summary>Disposes the underlying <see cref="RSA"/> or <see cref="ECDsa"/>.</summary>
    public void Dispose()
    {
        _disposed = true;
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }

    /// <summary>Describes the key type and size; never any key material.</summary>
    /// <returns>For example <c>AsymmetricSigningKey(ECDSA P-256)</c>.</returns>
    public override string ToString() => _description;

    // The platform's DER path allocates on every call (it converts through an ASN.1 writer); the fixed-width
    // path over a precomputed hash does not, and re-encoding r||s as DER here is allocation-free.
    private static bool TrySignEcdsa(ECDsa ecdsa, ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        Span<byte> fixedWidth = stackalloc byte[EcdsaDerSignature.MaxIeeeP1363Length];
        if (!ecdsa.TrySignHash(hash, fixedWidth, out int fixedWidthLength))
        {
            throw new CryptographicException("The ECDSA signature is longer than a P-521 signature.");
        }

        return EcdsaDerSignature.TryEncode(fixedWidth[..fixedWidthLength], destination, out bytesWritten);
    }

    private static string DescribeSupportedCurve(ECDsa ecdsa)
    {
        ECCurve curve;
        try
        {
            curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
        }
        catch (CryptographicException ex)
        {
            throw new RolesAnywhereConfigurationException(
                "The ECDSA key's curve cannot be read; AsymmetricSigningKey needs a key in memory on P-256, P-384 or P-521.", ex);
        }

        string? oid = curve.IsNamed ? curve.Oid?.Value : null;
        string? name = curve.IsNamed ? curve.Oid?.FriendlyName : null;
        return (oid, name) switch
        {
            (P256Oid, _) or (_, "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1") => "P-256",
            (P384Oid, _) or (_, "nistP384" or "ECDSA_P384" or "secp384r1") => "P-384",
            (P521Oid, _) or (_, "nistP521" or "ECDSA_P521" or "secp521r1") => "P-521",
            _ => throw new RolesAnywhereConfigurationException(
                $"The ECDSA key is on curve '{name ?? oid ?? "explicit parameters"}'; IAM Roles Anywhere accepts only P-256, P-384 and P-521. Issue the certificate for a key on a supported curve (for example 'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256')."),
        };
    }
}
