using Microsoft.Extensions.DependencyInjection.Extensions;
using RolesAnywhere.Credentials;
using RolesAnywhere.Credentials.Pkcs11;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PKCS#11 support for <see cref="RolesAnywhereOptions"/> bound from configuration.</summary>
public static class Pkcs11ServiceCollectionExtensions
{
    /// <summary>
    /// Lets every <see cref="RolesAnywhereOptions"/> instance (all names) open <c>pkcs11:</c> URIs given in
    /// <c>PrivateKeyPath</c>, for example from configuration. Calling it again is harmless; the last
    /// <paramref name="configure"/> wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the module path, PIN or PIN callback used when the URI lacks them; <see langword="null"/> for none.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddRolesAnywherePkcs11(this IServiceCollection services, Action<Pkcs11SigningKeyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureAll<RolesAnywhereOptions>(options => options.UsePkcs11(configure));
        return services;
    }
}
