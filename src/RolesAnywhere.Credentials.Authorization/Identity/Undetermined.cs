namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// The parts of a session identity that IAM Roles Anywhere does not document for a given certificate, so that no answer may
/// depend on them: tag keys (compared case-insensitively, as IAM compares condition keys), tag-key prefixes (a name holding a
/// multi-valued RDN), and the source identity.
/// </summary>
internal sealed class Undetermined
{
    public HashSet<string> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> Prefixes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool SourceIdentity { get; set; }

    /// <summary>Gets or sets a value indicating whether the role session name's form is open (a serial encoded with a leading 00).</summary>
    public bool RoleSessionName { get; set; }

    /// <summary>Whether the tag set itself is open (some field may yield tags nobody can name), which makes <c>aws:TagKeys</c> open too.</summary>
    public bool TagSet => Prefixes.Count > 0;

    /// <summary>Whether the value (or presence) of the principal tag <paramref name="tagKey"/> is not documented.</summary>
    public bool IsOpen(string tagKey) =>
        Keys.Contains(tagKey) || Prefixes.Any(p => tagKey.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
