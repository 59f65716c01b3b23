using System.Text;
using RolesAnywhere.Credentials.Authorization;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Linting;
using RolesAnywhere.Credentials.Authorization.Policies;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// A role trust policy as <c>policy evaluate</c> and <c>policy lint</c> read it (<c>--policy</c>, or <c>aws iam get-role</c>
/// output): parsed, evaluated for a fixed certificate and linted. Refusal is <see cref="AuthorizationDocumentException"/>;
/// an evaluation must name every action the service needs.
/// </summary>
internal static class TrustPolicyTarget
{
    public static readonly FuzzTarget Target = new("trust-policy", "TrustPolicy.Parse, Evaluate, TrustPolicyLinter.Lint", Run);

    private const string Anchor = "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0b6a2c7e-1111-4c1d-9c43-6f1b1d2a3e4f";

    private static readonly Lazy<SessionIdentity> Identity = new(() => SessionIdentity.FromCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(KnownMaterial.LeafPem)));

    private static void Run(byte[] data)
    {
        TrustPolicy policy;
        try
        {
            policy = TrustPolicy.Parse(Encoding.UTF8.GetString(data));
        }
        catch (AuthorizationDocumentException)
        {
            return;
        }

        var evaluation = policy.Evaluate(new AuthorizationRequest(Identity.Value, Anchor));
        if (evaluation.Actions.Count != 3)
        {
            throw new InvalidOperationException($"the evaluation names {evaluation.Actions.Count} actions, not 3.");
        }

        _ = TrustPolicyLinter.Lint(policy);
    }
}
