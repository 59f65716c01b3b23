namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The step of a renewal that failed; every failure before <see cref="Swap"/> leaves the files untouched.</summary>
public enum CertificateRenewalStage
{
    /// <summary>The settings, or the current certificate and key, cannot be used.</summary>
    Configuration = 1,

    /// <summary>The CA refused, could not be reached, or returned something that is not a certificate.</summary>
    Issuance = 2,

    /// <summary>The issued certificate failed a check (key, validity, names, chain); it was not installed.</summary>
    Verification = 3,

    /// <summary>CreateSession with the new certificate failed; it was not installed.</summary>
    Session = 4,

    /// <summary>Writing the new files failed; the previous pair is still in place.</summary>
    Swap = 5,
}
