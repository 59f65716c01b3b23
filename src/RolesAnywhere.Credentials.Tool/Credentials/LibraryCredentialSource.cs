using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Credentials;

/// <summary>Sessions from the library's CreateSession client, configured from the command line.</summary>
internal static class LibraryCredentialSource
{
    public static ICredentialSource Create(SessionArguments arguments) =>
        throw new RolesAnywhereConfigurationException("This build of rolesanywhere has no CreateSession client yet.");
}
