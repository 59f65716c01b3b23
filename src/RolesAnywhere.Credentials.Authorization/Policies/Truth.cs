namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>Three-valued logic: a condition the model cannot decide is <see cref="Unknown"/>, never guessed.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}
