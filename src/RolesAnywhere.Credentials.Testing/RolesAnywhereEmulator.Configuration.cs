using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Testing.Sessions;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing;

/// <content>Trust anchors, profiles, trust policies, revocations and faults: all changeable while the emulator serves requests.</content>
public sealed partial class RolesAnywhereEmulator
{
    /// <summary>Trusts a CA certificate as a trust anchor (a root, or an intermediate used as the anchor).</summary>
    /// <param name="caCertificate">The CA certificate; only its public part is kept.</param>
    /// <param name="trustAnchorId">The id at the end of the ARN, or <see langword="null"/> for a new GUID; an existing id is replaced.</param>
    /// <returns>The trust anchor ARN to send as <c>trustAnchorArn</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="caCertificate"/> is <see langword="null"/>.</exception>
    public string AddTrustAnchor(X509Certificate2 caCertificate, string? trustAnchorId = null)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        var arn = $"arn:{Partition}:rolesanywhere:{Region}:{AccountId}:trust-anchor/{trustAnchorId ?? Guid.NewGuid().ToString()}";
#if NET9_0_OR_GREATER
        var copy = X509CertificateLoader.LoadCertificate(caCertificate.RawData);
#else
        var copy = new X509Certificate2(caCertificate.RawData);
#endif
        if (_state.TrustAnchors.TryGetValue(arn, out var previous) && _state.TrustAnchors.TryUpdate(arn, copy, previous))
        {
            previous.Dispose();
        }
        else
        {
            _state.TrustAnchors[arn] = copy;
        }

        return arn;
    }

    /// <summary>Removes a trust anchor; later requests naming it get <c>ResourceNotFoundException</c>.</summary>
    /// <param name="trustAnchorArn">The ARN returned by <see cref="AddTrustAnchor"/>.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public bool RemoveTrustAnchor(string trustAnchorArn) => _state.TrustAnchors.TryRemove(trustAnchorArn, out _);

    /// <summary>Adds (or replaces) a profile.</summary>
    /// <param name="profile">The roles it may vend and its limits.</param>
    /// <param name="profileId">The id at the end of the ARN, or <see langword="null"/> for a new GUID; an existing id is replaced.</param>
    /// <returns>The profile ARN to send as <c>profileArn</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationDocumentException">The profile's <see cref="EmulatorProfile.AttributeMappingsJson"/> is malformed (the message names the line and column) or not an attribute mapping.</exception>
    public string AddProfile(EmulatorProfile profile, string? profileId = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _ = profile.Mapping;
        var arn = $"arn:{Partition}:rolesanywhere:{Region}:{AccountId}:profile/{profileId ?? Guid.NewGuid().ToString()}";
        _state.Profiles[arn] = profile;
        return arn;
    }

    /// <summary>Replaces the profile at an ARN returned by <see cref="AddProfile"/>.</summary>
    /// <param name="profileArn">The profile ARN.</param>
    /// <param name="profile">The new settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No profile has that ARN.</exception>
    /// <exception cref="AuthorizationDocumentException">The profile's <see cref="EmulatorProfile.AttributeMappingsJson"/> is malformed or not an attribute mapping.</exception>
    public void UpdateProfile(string profileArn, EmulatorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _ = profile.Mapping;
        if (!_state.Profiles.ContainsKey(profileArn))
        {
            throw new KeyNotFoundException($"The emulator has no profile '{profileArn}'; add it with AddProfile first.");
        }

        _state.Profiles[profileArn] = profile;
    }

    /// <summary>Removes a profile; later requests naming it get <c>ResourceNotFoundException</c>.</summary>
    /// <param name="profileArn">The profile ARN.</param>
    /// <returns><see langword="true"/> when it existed.</returns>
    public bool RemoveProfile(string profileArn) => _state.Profiles.TryRemove(profileArn, out _);

    /// <summary>
    /// Gives a role a trust policy, which CreateSession then enforces as the service does: the session identity is derived
    /// from the certificate under the profile's attribute mapping, and the policy must allow
    /// <c>rolesanywhere.amazonaws.com</c> the actions <c>sts:AssumeRole</c>, <c>sts:TagSession</c> and
    /// <c>sts:SetSourceIdentity</c> with <c>aws:SourceArn</c> = the trust anchor ARN. A denied session is refused with
    /// <c>AccessDeniedException</c>; so is one the model cannot decide (an operator or key outside its subset), rather than
    /// guessed. <see cref="EmulatorRequest.TrustPolicyEvaluation"/> records why. A role without a trust policy admits every
    /// certificate its profile admits.
    /// </summary>
    /// <param name="roleArn">The role ARN (see <see cref="RoleArn(string)"/>).</param>
    /// <param name="trustPolicyJson">The policy document, or the output of <c>aws iam get-role</c>; <see langword="null"/> removes the policy.</param>
    /// <exception cref="ArgumentException"><paramref name="roleArn"/> is not an IAM role ARN of the emulator's partition and account.</exception>
    /// <exception cref="AuthorizationDocumentException"><paramref name="trustPolicyJson"/> is malformed (the message names the line and column) or not a valid trust policy.</exception>
    public void SetTrustPolicy(string roleArn, string? trustPolicyJson)
    {
        ArgumentException.ThrowIfNullOrEmpty(roleArn);
        if (!Arn.TryParse(roleArn, out var arn) || arn.Service != "iam" || !arn.Resource.StartsWith("role/", StringComparison.Ordinal)
            || arn.Partition != Partition || arn.Account != AccountId)
        {
            throw new ArgumentException($"'{roleArn}' is not an IAM role ARN of this emulator (arn:{Partition}:iam::{AccountId}:role/NAME); use RoleArn(name).", nameof(roleArn));
        }

        if (trustPolicyJson is null)
        {
            _state.TrustPolicies.TryRemove(roleArn, out _);
            return;
        }

        _state.TrustPolicies[roleArn] = TrustPolicy.Parse(trustPolicyJson);
    }

    /// <summary>Revokes a certificate (leaf or intermediate) by its serial number, like a CRL imported into a trust anchor.</summary>
    /// <param name="certificate">The certificate to revoke.</param>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public void Revoke(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _state.Revoke(CertificateSerialNumber.FromBigEndian(certificate.SerialNumberBytes.Span));
    }

    /// <summary>
    /// Revokes a serial number given in hexadecimal (as <see cref="X509Certificate.GetSerialNumberString()"/> shows it), in any
    /// spelling <see cref="CertificateSerialNumber.TryParse(string?, out CertificateSerialNumber)"/> accepts (<c>0x…</c>,
    /// <c>serial=…</c>, <c>ab:cd:…</c>, <c>decimal:…</c>).
    /// </summary>
    /// <param name="serialNumberHex">The serial number in hexadecimal.</param>
    /// <exception cref="ArgumentException"><paramref name="serialNumberHex"/> is empty or not a serial number.</exception>
    public void RevokeSerialNumber(string serialNumberHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serialNumberHex);
        if (!CertificateSerialNumber.TryParse(serialNumberHex, out var serial))
        {
            throw new ArgumentException($"'{serialNumberHex}' is not a serial number. {CertificateSerialNumber.AcceptedSpellings}", nameof(serialNumberHex));
        }

        _state.Revoke(serial);
    }

    /// <summary>Queues a scripted fault, played to the next CreateSession requests in order (STS calls are not affected).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="count">How many consecutive requests get it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fault"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void EnqueueFault(EmulatorFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        for (var i = 0; i < count; i++)
        {
            _state.EnqueueFault(fault);
        }
    }

    /// <summary>Drops every fault not yet played.</summary>
    public void ClearFaults() => _state.ClearFaults();
}
