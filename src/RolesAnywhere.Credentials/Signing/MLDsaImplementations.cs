using System.Diagnostics.CodeAnalysis;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>
/// Finds the ML-DSA implementation to use: the platform's where it has one, else the managed one of the
/// <c>RolesAnywhere.Credentials.MLDsa</c> package when the application has it installed (found by name, so that
/// the core package does not depend on BouncyCastle), else none, with a message saying which package to add.
/// </summary>
internal static class MLDsaImplementations
{
    /// <summary>The package that brings ML-DSA to platforms without it.</summary>
    public const string PackageName = "RolesAnywhere.Credentials.MLDsa";

    /// <summary>Added to "wrong password" messages where no implementation could try an encrypted ML-DSA key.</summary>
    public const string EncryptedKeyHint = "If it is an ML-DSA (post-quantum) key, this platform cannot decrypt it without the " + PackageName + " package: add it (`dotnet add package " + PackageName + "`).";

    private const string ManagedTypeName = "RolesAnywhere.Credentials.MLDsa.BouncyCastleMLDsa, " + PackageName;

    private static readonly Lazy<IMLDsaImplementation?> Found = new(Find);

    /// <summary>Gets the implementation, or <see langword="null"/> when neither the platform nor an installed package provides one.</summary>
    public static IMLDsaImplementation? Current => Found.Value;

    /// <summary>Returns the implementation, or throws the configuration error naming the package to add.</summary>
    /// <param name="what">What is ML-DSA, to start the message (for example "The private key in the file '…' (PrivateKeyPath)").</param>
    /// <exception cref="RolesAnywhereConfigurationException">No implementation is available.</exception>
    public static IMLDsaImplementation Require(string what) => Current ?? throw new RolesAnywhereConfigurationException(
        $"{what} is an ML-DSA (post-quantum) key, and this platform's cryptography has no ML-DSA (it needs .NET 10 with OpenSSL 3.5 or later, or Windows with ML-DSA in CNG). Add the {PackageName} package to the application (`dotnet add package {PackageName}`): it is picked up without further code.");

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The constant type name lets the trimmer keep the type when the package is part of the application.")]
    [UnconditionalSuppressMessage("Trimming", "IL2057", Justification = "The type name is a constant.")]
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The managed implementation has a public parameterless constructor, kept with the type.")]
    private static IMLDsaImplementation? Find()
    {
#if NET10_0_OR_GREATER
        if (System.Security.Cryptography.MLDsa.IsSupported)
        {
            return PlatformMLDsa.Instance;
        }
#endif
        Type? managed = Type.GetType(ManagedTypeName, throwOnError: false);
        return managed is null ? null : (IMLDsaImplementation?)Activator.CreateInstance(managed);
    }
}
