namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// A renewal failed. <see cref="Stage"/> says where; the certificate and key in use were not replaced (the message
/// says so, and names the check that failed or the input to fix).
/// </summary>
public sealed class CertificateRenewalException : RolesAnywhereException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="stage">The step that failed.</param>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error, or <see langword="null"/>.</param>
    public CertificateRenewalException(CertificateRenewalStage stage, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Stage = stage;
    }

    /// <summary>Gets the step that failed.</summary>
    public CertificateRenewalStage Stage { get; }
}
