using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Net.Pkcs11Interop.Common;
using RolesAnywhere.Credentials.Pkcs11.Interop;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// A private key that stays on a PKCS#11 token (HSM, smart card, YubiKey, SoftHSM2). Logs in once and
/// reuses one session for every signature, one signature at a time (thread-safe). RSA keys sign with
/// <c>CKM_SHA256_RSA_PKCS</c>; EC keys sign the SHA-256 digest with <c>CKM_ECDSA</c>, and the token's raw
/// <c>r||s</c> is converted to DER.
/// </summary>
public sealed class Pkcs11SigningKey : ISigningKey
{
    private const int Sha256Size = 32;
    private readonly object _gate = new();
    private readonly Pkcs11Token _token;
    private readonly Pkcs11Uri _uri;
    private readonly Func<string, string?>? _pinCallback;
    private readonly bool _reusePin;
    private Pkcs11KeyInfo _key;
    private bool _disposed;

    private Pkcs11SigningKey(Pkcs11Token token, Pkcs11Uri uri, Pkcs11KeyInfo key, Pkcs11SigningKeyOptions options)
    {
        _token = token;
        _uri = uri;
        _key = key;
        _pinCallback = options.PinCallback;
        _reusePin = options.ReusePin;
        Algorithm = key.Algorithm;
        MaxSignatureSizeInBytes = key.Algorithm == SigningKeyAlgorithm.Rsa
            ? key.RsaModulus!.Length
            : EcdsaDerSignature.MaxDerSize(key.EcCurveSizeInBits);
    }

    /// <inheritdoc />
    public SigningKeyAlgorithm Algorithm { get; }

    /// <inheritdoc />
    public int MaxSignatureSizeInBytes { get; }

    /// <summary>
    /// Gets the certificate stored on the token with the key (same <c>CKA_ID</c>), or <see langword="null"/>
    /// when the token holds none. Disposed with the key.
    /// </summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>
    /// Opens the private key that <paramref name="uri"/> names, and the certificate stored with it.
    /// </summary>
    /// <param name="uri">An RFC 7512 URI, for example <c>pkcs11:token=MyToken;object=MyKey?pin-value=1234&amp;module-path=/usr/lib/softhsm/libsofthsm2.so</c>.</param>
    /// <param name="options">The module path, PIN or PIN callback when the URI lacks them; <see langword="null"/> for none.</param>
    /// <returns>The opened key; dispose it to close the session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uri"/> is <see langword="null"/>.</exception>
    /// <exception cref="RolesAnywhereConfigurationException">The URI is malformed.</exception>
    /// <exception cref="RolesAnywherePkcs11Exception">
    /// The module is missing or of the wrong architecture, no token or several tokens match, the PIN is
    /// wrong or locked, no key or several keys match, or the stored certificate does not match the key.
    /// </exception>
    public static Pkcs11SigningKey Open(string uri, Pkcs11SigningKeyOptions? options = null) =>
        Open(uri, null, options ?? new Pkcs11SigningKeyOptions(), "The PKCS#11 URI");

    internal static Pkcs11SigningKey Open(string uri, string? certificateUri, Pkcs11SigningKeyOptions options, string setting)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var parsed = Pkcs11Uri.Parse(uri, setting);
        var parsedCertificate = certificateUri is null ? null : Pkcs11Uri.Parse(certificateUri, "CertificatePath");
        var token = Pkcs11Token.Open(Pkcs11Module.Acquire(Pkcs11Module.PathFor(parsed, options)), parsed, options);
        try
        {
            var key = Pkcs11ObjectFinder.FindPrivateKey(token, parsed);
            if (key.AlwaysAuthenticate && !options.ReusePin && options.PinCallback is null)
            {
                throw new RolesAnywherePkcs11Exception(
                    $"The key '{parsed}' on token '{token.Label}' asks for the PIN before every signature (CKA_ALWAYS_AUTHENTICATE). Set Pkcs11SigningKeyOptions.ReusePin (like --reuse-pin) or a PinCallback.");
            }

            var result = new Pkcs11SigningKey(token, parsed, key, options);
            result.Certificate = Pkcs11ObjectFinder.FindCertificate(token, key, parsedCertificate);
            if (result.Certificate is not null)
            {
                result.EnsureMatches(result.Certificate);
            }

            return result;
        }
        catch
        {
            token.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        byte[] signature = Sign(data);
        try
        {
            if (Algorithm == SigningKeyAlgorithm.Ecdsa)
            {
                return EcdsaDerSignature.TryEncode(signature, destination, out bytesWritten);
            }

            bytesWritten = 0;
            if (signature.Length > destination.Length)
            {
                return false;
            }

            signature.CopyTo(destination);
            bytesWritten = signature.Length;
            return true;
        }
        finally
        {
            Array.Clear(signature);
        }
    }

    /// <inheritdoc />
    /// <remarks>Token calls block; this completes synchronously on the caller's thread.</remarks>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public ValueTask<int> SignAsync(ReadOnlyMemory<byte> data, Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (destination.Length < MaxSignatureSizeInBytes)
        {
            throw new ArgumentException($"The destination must hold at least {MaxSignatureSizeInBytes} bytes.", nameof(destination));
        }

        return TrySign(data.Span, destination.Span, out int written)
            ? new ValueTask<int>(written)
            : throw new ArgumentException($"The destination must hold at least {MaxSignatureSizeInBytes} bytes.", nameof(destination));
    }

    /// <summary>Closes the session; the token logs out when the process has no other session on it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _token.Dispose();
            Certificate?.Dispose();
        }
    }

    /// <summary>Describes the key without secrets: <c>PKCS#11 key pkcs11:token=…;object=… (Ecdsa)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"PKCS#11 key {_uri} ({Algorithm})";

    /// <summary>Checks that <paramref name="certificate"/> holds this key's public key.</summary>
    internal void EnsureMatches(X509Certificate2 certificate)
    {
        bool matches;
        if (Algorithm == SigningKeyAlgorithm.Rsa)
        {
            using var rsa = certificate.GetRSAPublicKey();
            matches = rsa is not null && TrimmedEquals(rsa.ExportParameters(false).Modulus, _key.RsaModulus);
        }
        else
        {
            using var ecdsa = certificate.GetECDsaPublicKey();
            byte[] challenge = RandomNumberGenerator.GetBytes(Sha256Size);
            matches = ecdsa is not null &&
                ecdsa.VerifyData(challenge, Sign(challenge), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        if (!matches)
        {
            throw new RolesAnywherePkcs11Exception(
                $"The certificate '{certificate.Subject}' (serial {certificate.SerialNumber}) does not hold the public key of '{_uri}' on token '{_token.Label}'. Store the certificate issued for this key (same CKA_ID), or give the matching certificate file.");
        }
    }

    /// <summary>Signs with the token and returns its raw output (PKCS#1 v1.5, or <c>r||s</c> for EC).</summary>
    private byte[] Sign(ReadOnlySpan<byte> data)
    {
        byte[] input = Algorithm == SigningKeyAlgorithm.Rsa ? data.ToArray() : SHA256.HashData(data);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return SignOnce(input);
            }
            catch (Pkcs11Exception ex) when (IsLostSession(ex.RV))
            {
                // The token was removed and reinserted, or the module closed the session: log in again once.
                _token.ResetSession();
                _key = Pkcs11ObjectFinder.FindPrivateKey(_token, _uri);
                try
                {
                    return SignOnce(input);
                }
                catch (Pkcs11Exception retry)
                {
                    throw Pkcs11Errors.From(retry, $"signing with '{_uri}' on token '{_token.Label}'");
                }
            }
            catch (Pkcs11Exception ex)
            {
                throw Pkcs11Errors.From(ex, $"signing with '{_uri}' on token '{_token.Label}'");
            }
        }
    }

    private byte[] SignOnce(byte[] input)
    {
        using var mechanism = _token.Factories.MechanismFactory.Create(
            Algorithm == SigningKeyAlgorithm.Rsa ? CKM.CKM_SHA256_RSA_PKCS : CKM.CKM_ECDSA);
        if (!_key.AlwaysAuthenticate)
        {
            return _token.Session.Sign(mechanism, _key.Handle, input);
        }

        byte[]? pin = ContextPin();
        try
        {
            return _token.Session.Sign(mechanism, _key.Handle, pin, input);
        }
        finally
        {
            if (pin is not null && !ReferenceEquals(pin, _token.LoginPin))
            {
                Array.Clear(pin);
            }
        }
    }

    private byte[]? ContextPin()
    {
        if (_reusePin && _token.LoginPin is { } login)
        {
            return login;
        }

        string? pin = _pinCallback?.Invoke(_token.Label);
        return pin is null ? null : Encoding.UTF8.GetBytes(pin);
    }

    private static bool IsLostSession(CKR rv) =>
        rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_OBJECT_HANDLE_INVALID or CKR.CKR_KEY_HANDLE_INVALID;

    private static bool TrimmedEquals(byte[]? a, byte[]? b)
    {
        static ReadOnlySpan<byte> Trim(byte[] value) => value.AsSpan(value.AsSpan().IndexOfAnyExcept((byte)0) is var i and >= 0 ? i : value.Length);
        return a is not null && b is not null && Trim(a).SequenceEqual(Trim(b));
    }
}
