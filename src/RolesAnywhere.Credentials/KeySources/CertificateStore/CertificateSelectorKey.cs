namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>What a selector criterion compares.</summary>
internal enum CertificateSelectorKey
{
    /// <summary><c>x509Subject</c>: the subject distinguished name, any RDN order.</summary>
    Subject,

    /// <summary><c>x509Issuer</c>: the issuer distinguished name, any RDN order.</summary>
    Issuer,

    /// <summary><c>x509Serial</c>: the serial number in hex.</summary>
    Serial,

    /// <summary><c>thumbprint</c>: the SHA-1 (or SHA-256) hash of the certificate in hex.</summary>
    Thumbprint,
}
