namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>What <see cref="TestCertificateAuthority"/> puts in a certificate it issues.</summary>
public sealed class TestCertificateOptions
{
    /// <summary>Gets or sets the subject distinguished name.</summary>
    /// <value>Defaults to <c>CN=test-client</c> for client certificates.</value>
    public string? SubjectName { get; set; }

    /// <summary>Gets or sets the key type of a new key pair (ignored when issuing for an existing public key).</summary>
    /// <value>Defaults to <see cref="TestKeyType.EcdsaP256"/>.</value>
    public TestKeyType KeyType { get; set; } = TestKeyType.EcdsaP256;

    /// <summary>
    /// Gets or sets the serial number as big-endian unsigned bytes (a first byte with the high bit set is kept
    /// positive by a leading zero in the DER encoding).
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: 16 random bytes.</value>
#pragma warning disable CA1819 // Properties should not return arrays: a serial is naturally a byte string.
    public byte[]? SerialNumber { get; set; }
#pragma warning restore CA1819

    /// <summary>Gets or sets the start of validity.</summary>
    /// <value>Defaults to <see langword="null"/>: one hour before the authority's clock.</value>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>Gets or sets the end of validity (the authority does not clamp it to its own validity).</summary>
    /// <value>Defaults to <see langword="null"/>: 30 days after the authority's clock.</value>
    public DateTimeOffset? NotAfter { get; set; }
}
