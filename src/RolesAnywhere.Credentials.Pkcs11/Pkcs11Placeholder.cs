namespace RolesAnywhere.Credentials.Pkcs11;

internal static class Pkcs11Placeholder
{
}
