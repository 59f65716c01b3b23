namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>A certificate attribute that does not become a principal tag (it is dropped), and why.</summary>
public sealed class DroppedTag
{
    internal DroppedTag(string attribute, string? value, string reason)
    {
        Key = attribute;
        Value = value;
        Reason = reason;
    }

    /// <summary>Gets the tag key the attribute would have had (for example <c>x509Subject/emailAddress</c> or <c>x509SAN/DNS</c>).</summary>
    public string Key { get; }

    /// <summary>Gets the attribute's value, or <see langword="null"/> when it could not be read.</summary>
    public string? Value { get; }

    /// <summary>Gets why it is dropped.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key}{(Value is null ? string.Empty : "=" + Value)}: {Reason}";
}
