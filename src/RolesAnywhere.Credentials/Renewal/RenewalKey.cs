using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Identity.Decoding;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The new software key of one renewal: made fresh (never the old key), it signs the CSR and is written as PKCS#8
/// PEM, encrypted when a password is configured. The bytes of the exported key are zeroed after writing.
/// </summary>
internal sealed class RenewalKey : IDisposable
{
    /// <summary>PBKDF2-HMAC-SHA-256 iterations for an encrypted key (OWASP's 2023 figure for this PRF).</summary>
    private const int Pbkdf2Iterations = 600_000;

    private readonly AsymmetricAlgorithm _key;

    private RenewalKey(AsymmetricAlgorithm key, string description)
    {
        _key = key;
        Description = description;
    }

    /// <summary>Gets the kind of key, for messages (<c>EC P-256</c>, <c>RSA 3072</c>).</summary>
    public string Description { get; }

    /// <summary>Makes a key of the configured kind, or of the kind of <paramref name="current"/>'s key for <see cref="RenewalKeyAlgorithm.Same"/>.</summary>
    /// <exception cref="CertificateRenewalException">The current key is of a kind that cannot be renewed in software.</exception>
    public static RenewalKey Create(RenewalKeyAlgorithm algorithm, X509Certificate2 current) => (algorithm == RenewalKeyAlgorithm.Same ? SameAs(current) : algorithm) switch
    {
        RenewalKeyAlgorithm.EcP256 => Ec(ECCurve.NamedCurves.nistP256, "EC P-256"),
        RenewalKeyAlgorithm.EcP384 => Ec(ECCurve.NamedCurves.nistP384, "EC P-384"),
        RenewalKeyAlgorithm.Rsa2048 => Rsa(2048),
        RenewalKeyAlgorithm.Rsa3072 => Rsa(3072),
        RenewalKeyAlgorithm.Rsa4096 => Rsa(4096),
        var other => throw new CertificateRenewalException(CertificateRenewalStage.Configuration, $"KeyAlgorithm {other} is not supported; use Same, EcP256, EcP384, Rsa2048, Rsa3072 or Rsa4096."),
    };

    /// <summary>Returns whether <paramref name="certificate"/> carries this key's public key.</summary>
    public bool IsKeyOf(X509Certificate2 certificate) =>
        CertificatePublicKey.Matches(certificate, _key.ExportSubjectPublicKeyInfo());

    /// <summary>Builds and signs a CSR for <paramref name="subject"/> carrying <paramref name="subjectAlternativeNames"/> (the current certificate's extension, copied as is).</summary>
    public CertificateSigningRequest CreateRequest(X500DistinguishedName subject, X509Extension? subjectAlternativeNames)
    {
        var request = _key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, ec.KeySize > 256 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new InvalidOperationException("Only RSA and ECDSA keys are made."),
        };
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(new X509Extension(subjectAlternativeNames.Oid!, subjectAlternativeNames.RawData, critical: false));
        }

        var der = request.CreateSigningRequest();
        var names = subjectAlternativeNames is null ? [] : SubjectAlternativeNames.Read(subjectAlternativeNames.RawData);
        return new CertificateSigningRequest(der, PemEncoding.WriteString("CERTIFICATE REQUEST", der), subject, names);
    }

    /// <summary>Writes the key as PKCS#8 PEM to <paramref name="destination"/>, encrypted when <paramref name="password"/> is set.</summary>
    public void WritePkcs8(Stream destination, string? password)
    {
        byte[] der = string.IsNullOrEmpty(password)
            ? _key.ExportPkcs8PrivateKey()
            : _key.ExportEncryptedPkcs8PrivateKey(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, Pbkdf2Iterations));
        var label = string.IsNullOrEmpty(password) ? "PRIVATE KEY" : "ENCRYPTED PRIVATE KEY";
        using var text = SensitiveBuffer<char>.Rent(PemEncoding.GetEncodedSize(label.Length, der.Length) + 1);
        using var bytes = SensitiveBuffer<byte>.Rent(text.Length * 2);
        try
        {
            if (!PemEncoding.TryWrite(label, der, text.Span, out var written))
            {
                throw new InvalidOperationException("The PEM buffer is too small.");
            }

            text.Span[written++] = '\n';
            var length = Encoding.ASCII.GetBytes(text.Span[..written], bytes.Span);
            destination.Write(bytes.Span[..length]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    public void Dispose() => _key.Dispose();

    private static RenewalKeyAlgorithm SameAs(X509Certificate2 current)
    {
        using (var rsa = current.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return rsa.KeySize switch
                {
                    <= 2048 => RenewalKeyAlgorithm.Rsa2048,
                    <= 3072 => RenewalKeyAlgorithm.Rsa3072,
                    _ => RenewalKeyAlgorithm.Rsa4096,
                };
            }
        }

        using var ec = current.GetECDsaPublicKey();
        return ec?.KeySize switch
        {
            256 => RenewalKeyAlgorithm.EcP256,
            384 => RenewalKeyAlgorithm.EcP384,
            _ => throw new CertificateRenewalException(
                CertificateRenewalStage.Configuration,
                string.Create(CultureInfo.InvariantCulture, $"The current certificate's key ({current.PublicKey.Oid.FriendlyName ?? current.PublicKey.Oid.Value}{(ec is null ? string.Empty : $" {ec.KeySize}")}) has no renewal counterpart; set KeyAlgorithm (--key-algorithm) to ec-p256, ec-p384, rsa-2048, rsa-3072 or rsa-4096.")),
        };
    }

    private static RenewalKey Ec(ECCurve curve, string description) => new(ECDsa.Create(curve), description);

    private static RenewalKey Rsa(int bits) => new(RSA.Create(bits), string.Create(CultureInfo.InvariantCulture, $"RSA {bits}"));
}
