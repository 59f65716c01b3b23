namespace RolesAnywhere.Credentials.Renewal;

/// <summary>What a renewal run did.</summary>
public enum CertificateRenewalOutcome
{
    /// <summary>The certificate is not due for renewal yet; nothing changed.</summary>
    NotDue = 1,

    /// <summary>A new key and certificate were issued, proven and installed.</summary>
    Renewed = 2,

    /// <summary>Another renewer replaced the pair while this one waited; the new pair is in place and was left alone.</summary>
    RenewedElsewhere = 3,
}
