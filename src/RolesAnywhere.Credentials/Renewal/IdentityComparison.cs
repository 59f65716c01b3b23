using System.Security.Cryptography.X509Certificates;
using AuthorizationIdentity = RolesAnywhere.Credentials.Authorization.Identity;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// What IAM would see differently after a renewal: the source identity and the principal tags of the current and the
/// new certificate, each derived by the one attribute mapping of the Authorization package
/// (<see cref="AuthorizationIdentity.SessionIdentity"/> under <see cref="AuthorizationIdentity.AttributeMapping.Default"/>,
/// the widest mapping: every supported subject and issuer RDN, the first DNS name, URI and directory name). Values
/// and order are compared exactly (ordinal: a change of case is a change); the role session name (the serial) is
/// expected to change and is not compared.
/// </summary>
internal static class IdentityComparison
{
    /// <summary>Returns each difference as a sentence naming the tag and its values, in the order IAM derives the tags; empty when IAM sees the same identity.</summary>
    public static IReadOnlyList<string> Differences(X509Certificate2 current, X509Certificate2 issued)
    {
        var before = AuthorizationIdentity.SessionIdentity.FromCertificate(current);
        var after = AuthorizationIdentity.SessionIdentity.FromCertificate(issued);
        var differences = new List<string>();
        if (!string.Equals(before.SourceIdentity, after.SourceIdentity, StringComparison.Ordinal))
        {
            differences.Add($"the source identity changes from {Quote(before.SourceIdentity)} to {Quote(after.SourceIdentity)}");
        }

        var beforeTags = before.PrincipalTags;
        var afterTags = after.PrincipalTags;
        foreach (var key in beforeTags.Select(t => t.Key).Concat(afterTags.Select(t => t.Key)).Distinct(StringComparer.Ordinal))
        {
            var was = Value(beforeTags, key);
            var now = Value(afterTags, key);
            if (was is not null && now is null)
            {
                differences.Add($"{key} '{was}' is dropped");
            }
            else if (was is null && now is not null)
            {
                differences.Add($"{key} '{now}' is added");
            }
            else if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                differences.Add($"{key} changes from '{was}' to '{now}'");
            }
        }

        var beforeOrder = beforeTags.Select(t => t.Key).ToList();
        var afterOrder = afterTags.Select(t => t.Key).ToList();
        if (differences.Count == 0 && !beforeOrder.SequenceEqual(afterOrder, StringComparer.Ordinal))
        {
            differences.Add($"the principal tags' order changes from [{string.Join(", ", beforeOrder)}] to [{string.Join(", ", afterOrder)}]");
        }

        return differences;
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> tags, string key) =>
        tags.Where(t => string.Equals(t.Key, key, StringComparison.Ordinal)).Select(t => t.Value).FirstOrDefault();

    private static string Quote(string? value) => value is null ? "none" : $"'{value}'";
}
