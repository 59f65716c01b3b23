using System.Globalization;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The result of a renewal run: what happened, the certificate now in place, and when it is due next.</summary>
public sealed class CertificateRenewalResult
{
    internal CertificateRenewalResult(CertificateRenewalOutcome outcome, string previousSerial, string serial, DateTimeOffset notAfter, DateTimeOffset dueAt, IReadOnlyList<string> changes)
    {
        Outcome = outcome;
        PreviousSerial = previousSerial;
        Serial = serial;
        NotAfter = notAfter;
        DueAt = dueAt;
        Changes = changes;
    }

    /// <summary>Gets what the run did.</summary>
    public CertificateRenewalOutcome Outcome { get; }

    /// <summary>Gets the serial number (hex) of the certificate in place before the run.</summary>
    public string PreviousSerial { get; }

    /// <summary>Gets the serial number (hex) of the certificate in place now.</summary>
    public string Serial { get; }

    /// <summary>Gets when the certificate in place now expires.</summary>
    public DateTimeOffset NotAfter { get; }

    /// <summary>Gets when the certificate in place now is due for renewal.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>Gets what the CA changed from the request and the previous certificate (a shorter lifetime, names added), each as a sentence; empty when nothing changed.</summary>
    public IReadOnlyList<string> Changes { get; }

    /// <summary>Returns the one-line summary the command-line tool prints.</summary>
    /// <returns><c>renewed: serial A -> B, valid until T</c>, <c>not due until T</c> or <c>renewed elsewhere: serial B, valid until T</c>.</returns>
    public override string ToString() => Outcome switch
    {
        CertificateRenewalOutcome.Renewed => string.Create(CultureInfo.InvariantCulture, $"renewed: serial {PreviousSerial} -> {Serial}, valid until {NotAfter:yyyy-MM-ddTHH:mm:ssZ}"),
        CertificateRenewalOutcome.RenewedElsewhere => string.Create(CultureInfo.InvariantCulture, $"renewed elsewhere: serial {PreviousSerial} -> {Serial}, valid until {NotAfter:yyyy-MM-ddTHH:mm:ssZ}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"not due until {DueAt:yyyy-MM-ddTHH:mm:ssZ}"),
    };
}
