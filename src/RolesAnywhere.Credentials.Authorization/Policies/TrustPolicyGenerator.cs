using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// Writes a least-privilege trust policy: the Roles Anywhere service principal, the three actions it needs, pinned to one
/// trust anchor (<c>ArnEquals aws:SourceArn</c>) and to exact certificate attributes (<c>StringEquals aws:PrincipalTag/…</c>),
/// the shape of the documentation's example (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html).
/// </summary>
public static class TrustPolicyGenerator
{
    /// <summary>Writes the policy as indented JSON.</summary>
    /// <param name="trustAnchorArn">The trust anchor the certificates come through.</param>
    /// <param name="principalTags">The tag keys (like <c>x509Subject/CN</c>) and exact values to require; at least one.</param>
    /// <returns>The policy document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The ARN is not a trust anchor ARN, no tag is given, or a tag key is given twice.</exception>
    public static string Generate(string trustAnchorArn, IEnumerable<KeyValuePair<string, string>> principalTags)
    {
        ArgumentNullException.ThrowIfNull(trustAnchorArn);
        ArgumentNullException.ThrowIfNull(principalTags);
        if (ArnMatcher.Split(trustAnchorArn) is not [_, _, "rolesanywhere", _, _, var resource] || !resource.StartsWith("trust-anchor/", StringComparison.Ordinal) || trustAnchorArn.Contains('*', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{trustAnchorArn}' is not a trust anchor ARN (arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID).", nameof(trustAnchorArn));
        }

        var tags = principalTags.ToArray();
        if (tags.Length == 0)
        {
            throw new ArgumentException("Name at least one certificate attribute to require; a policy without one trusts every certificate of the CA.", nameof(principalTags));
        }

        var duplicate = tags.GroupBy(t => t.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The tag '{duplicate.Key}' is given twice.", nameof(principalTags));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("Version", PolicyVariables.CurrentVersion);
            json.WriteStartArray("Statement");
            json.WriteStartObject();
            json.WriteString("Sid", "RolesAnywhere");
            json.WriteString("Effect", "Allow");
            json.WriteStartObject("Principal");
            json.WriteString("Service", RolesAnywhereTrust.ServicePrincipal);
            json.WriteEndObject();
            json.WriteStartArray("Action");
            foreach (var action in RolesAnywhereTrust.RequiredActions)
            {
                json.WriteStringValue(action);
            }

            json.WriteEndArray();
            json.WriteStartObject("Condition");
            json.WriteStartObject("ArnEquals");
            json.WriteString(RequestContext.SourceArn, trustAnchorArn);
            json.WriteEndObject();
            json.WriteStartObject("StringEquals");
            foreach (var (key, value) in tags)
            {
                json.WriteString(RequestContext.PrincipalTagPrefix + key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
