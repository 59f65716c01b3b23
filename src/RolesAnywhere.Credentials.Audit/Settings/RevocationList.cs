using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>
/// The revoked serials of one or more CRLs (RFC 5280 §5.1, DER or PEM <c>X509 CRL</c>, read by the one CRL reader,
/// <see cref="CertificateRevocationList"/>), each with its revocation date and the file it came from. The CRL's signature is not checked (the audit has no CA certificate to check it with): pass CRLs from
/// your CA, not from the logs under audit.
/// </summary>
internal sealed class RevocationList
{
    private readonly Dictionary<CertificateSerialNumber, (DateTimeOffset RevokedAt, string Source)> _revoked = [];

    public int Count => _revoked.Count;

    public bool TryGet(CertificateSerialNumber serial, out DateTimeOffset revokedAt, out string source)
    {
        var found = _revoked.TryGetValue(serial, out var entry);
        revokedAt = entry.RevokedAt;
        source = entry.Source ?? string.Empty;
        return found;
    }

    /// <exception cref="AuditInputException">The bytes are not a CRL.</exception>
    public void Add(ReadOnlySpan<byte> content, string source)
    {
        CertificateRevocationList crl;
        try
        {
            crl = CertificateRevocationList.Parse(content);
        }
        catch (FormatException e)
        {
            throw new AuditInputException($"--crl {source}: {e.Message} Export it with 'openssl crl -in crl.pem -outform DER' or pass the PEM.", e);
        }

        foreach (var (serial, when) in crl.Revoked)
        {
            if (!_revoked.TryGetValue(serial, out var existing) || when < existing.RevokedAt)
            {
                _revoked[serial] = (when, source);
            }
        }
    }
}
