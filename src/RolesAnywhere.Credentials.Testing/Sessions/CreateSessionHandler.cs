using System.Globalization;
using System.Text.RegularExpressions;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Testing.Hosting;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>
/// CreateSession as the service does it: signature, then the ARNs, then trust in the named anchor, then the
/// profile's rules (role, duration, session name), then the role's trust policy when it has one; on success the
/// issued credentials are remembered for STS.
/// </summary>
internal static partial class CreateSessionHandler
{
    /// <exception cref="RequestRejectedException">The request is refused.</exception>
    public static (IssuedSession Session, byte[] Body) Handle(SignedRequest request, EmulatorState state, EmulatorRequest record)
    {
        var now = state.Now;
        using var signature = SigV4X509Verifier.Verify(request, state.Region, now, state.AllowedClockSkew);
        var input = CreateSessionInput.Parse(request);

        var anchorArn = RequireArn(input.TrustAnchorArn, "trustAnchorArn", "rolesanywhere", "trust-anchor/", state);
        if (!state.TrustAnchors.TryGetValue(anchorArn.ToString(), out var anchor))
        {
            throw RequestRejectedException.NotFound($"Trust anchor {input.TrustAnchorArn} was not found.");
        }

        TrustValidator.Validate(signature.Leaf, signature.Chain, anchor, now, state.IsRevoked);

        var profileArn = RequireArn(input.ProfileArn, "profileArn", "rolesanywhere", "profile/", state);
        if (!state.Profiles.TryGetValue(profileArn.ToString(), out var profile))
        {
            throw RequestRejectedException.NotFound($"Profile {input.ProfileArn} was not found.");
        }

        if (!profile.Enabled)
        {
            throw RequestRejectedException.AccessDenied($"Profile {input.ProfileArn} is disabled.");
        }

        var identity = SessionIdentity.FromCertificate(signature.Leaf, profile.Mapping);
        record.SessionIdentity = identity;
        var role = RequireRole(input.RoleArn, profile, state);
        var sessionName = SessionName(input, profile, identity);
        if (input.DurationSeconds > profile.MaxSessionDuration.TotalSeconds)
        {
            throw RequestRejectedException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"durationSeconds {input.DurationSeconds} exceeds the profile's session duration of {profile.MaxSessionDuration.TotalSeconds:0} seconds."));
        }

        TrustPolicyGate.Check(state, input.RoleArn, anchorArn.ToString(), identity, record);
        var session = SessionIssuer.Issue(role, sessionName, now.AddSeconds(input.DurationSeconds));
        var subjectArn = $"arn:{state.Partition}:rolesanywhere:{state.Region}:{state.AccountId}:subject/{SessionIssuer.SubjectId(signature.Leaf)}";
        var body = SessionResponse.Write(session, role.ToString(), identity.SourceIdentity ?? SessionIssuer.SourceIdentity(signature.Leaf), subjectArn);
        state.Sessions[session.AccessKeyId] = session;
        state.CountSuccess();
        return (session, body);
    }

    private static Arn RequireArn(string value, string name, string service, string resourcePrefix, EmulatorState state)
    {
        if (!Arn.TryParse(value, out var arn) || arn.Service != service || !arn.Resource.StartsWith(resourcePrefix, StringComparison.Ordinal))
        {
            throw RequestRejectedException.Validation($"'{name}' is not a {service} {resourcePrefix.TrimEnd('/')} ARN: '{value}'.");
        }

        if (arn.Partition != state.Partition || arn.Region != state.Region || arn.Account != state.AccountId)
        {
            throw RequestRejectedException.Validation(
                $"'{name}' {value} is not in this endpoint's partition/region/account ({state.Partition}/{state.Region}/{state.AccountId}).");
        }

        return arn;
    }

    private static Arn RequireRole(string value, EmulatorProfile profile, EmulatorState state)
    {
        if (!Arn.TryParse(value, out var role) || role.Service != "iam" || !role.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            throw RequestRejectedException.Validation($"'roleArn' is not an IAM role ARN: '{value}'.");
        }

        if (role.Partition != state.Partition || !profile.RoleArns.Contains(value, StringComparer.Ordinal))
        {
            throw RequestRejectedException.AccessDenied($"The profile does not allow the role {value}.");
        }

        return role;
    }

    private static string SessionName(CreateSessionInput input, EmulatorProfile profile, SessionIdentity identity)
    {
        if (input.RoleSessionName is null)
        {
            return identity.RoleSessionName;
        }

        if (!profile.AcceptRoleSessionName)
        {
            throw RequestRejectedException.AccessDenied("Not authorized to set roleSessionName.");
        }

        if (!SessionNamePattern().IsMatch(input.RoleSessionName))
        {
            throw RequestRejectedException.Validation(
                $"1 validation error detected: Value '{input.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*");
        }

        return input.RoleSessionName;
    }

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
