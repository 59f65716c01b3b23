namespace RolesAnywhere.Credentials;

/// <summary>
/// Names under which the library reports traces and metrics, for OpenTelemetry and other listeners:
/// <c>.AddSource(RolesAnywhereTelemetry.Name)</c> and <c>.AddMeter(RolesAnywhereTelemetry.Name)</c>.
/// </summary>
/// <remarks>
/// <para>Each <c>CreateSession</c> attempt is one <see cref="System.Diagnostics.Activity"/> of kind client.</para>
/// <para>
/// Instruments: <c>rolesanywhere.sessions</c> (counter, tag <c>rolesanywhere.outcome</c>),
/// <c>rolesanywhere.session.failures</c> (counter, tag <c>error.type</c>),
/// <c>rolesanywhere.create_session.duration</c> (histogram, seconds) and
/// <c>rolesanywhere.certificate.remaining_lifetime</c> (gauge, seconds until the certificate's <c>NotAfter</c>).
/// </para>
/// </remarks>
public static class RolesAnywhereTelemetry
{
    /// <summary>The name of the library's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "RolesAnywhere.Credentials";
}
