namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>What the request context holds for a key: absent, one or more values, or unknown to the model.</summary>
internal readonly record struct ContextValue(Truth Present, IReadOnlyList<string> Values, bool MultiValued)
{
    public static readonly ContextValue Absent = new(Truth.False, [], false);

    public static readonly ContextValue Unknown = new(Truth.Unknown, [], false);

    public static ContextValue Single(string value) => new(Truth.True, [value], false);

    public static ContextValue Many(IReadOnlyList<string> values) => new(values.Count > 0 ? Truth.True : Truth.False, values, true);
}
