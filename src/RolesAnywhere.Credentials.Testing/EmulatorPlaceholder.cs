namespace RolesAnywhere.Credentials.Testing;

internal static class EmulatorPlaceholder
{
}
