namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>One attribute of a distinguished name: its OID, its short name (when known) and its text value.</summary>
internal readonly record struct NameAttribute(string Oid, string Name, string? Value, bool MultiValued);
