using Amazon.Extensions.NETCore.Setup;
using Microsoft.Extensions.Configuration;
using RolesAnywhere.Credentials;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Makes <c>AddAWSService&lt;T&gt;()</c> clients use the registered <see cref="RolesAnywhereAWSCredentials"/>:
/// AWSSDK.Extensions.NETCore.Setup has no credentials hook, but takes <see cref="AWSOptions.Credentials"/> from
/// the last <see cref="AWSOptions"/> registration first. That registration is wrapped so it keeps everything the
/// user set (region, profile, client settings) and gets the credentials only when it has none; with no
/// registration, one is read from <see cref="IConfiguration"/> exactly as the SDK would.
/// </summary>
internal sealed class AwsOptionsCredentials
{
    private readonly ServiceDescriptor? original;

    private AwsOptionsCredentials(ServiceDescriptor? original) => this.original = original;

    public static void Apply(IServiceCollection services)
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(AWSOptions) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            services.Add(ServiceDescriptor.Singleton(typeof(AWSOptions), new AwsOptionsCredentials(null).Create));
        }
        else if (services[index].ImplementationFactory?.Target is not AwsOptionsCredentials)
        {
            var descriptor = services[index];
            services[index] = ServiceDescriptor.Describe(typeof(AWSOptions), new AwsOptionsCredentials(descriptor).Create, descriptor.Lifetime);
        }
    }

    /// <summary>
    /// At host start: gives <paramref name="credentials"/> to the <see cref="AWSOptions"/> clients will use when it has
    /// none (it was registered after <c>AddRolesAnywhereCredentials</c>, so <see cref="Apply"/> did not see it), and fails
    /// naming the fix when that cannot stick because every scope gets a new instance.
    /// </summary>
    /// <exception cref="InvalidOperationException">AWS clients would fall back to the SDK's default credentials.</exception>
    public static void EnsureUsed(IServiceProvider provider, RolesAnywhereAWSCredentials credentials)
    {
        using (var scope = provider.CreateScope())
        {
            if (scope.ServiceProvider.GetService<AWSOptions>() is not { } options)
            {
                return;
            }

            options.Credentials ??= credentials;
        }

        using var next = provider.CreateScope();
        if (next.ServiceProvider.GetService<AWSOptions>() is { Credentials: null })
        {
            throw new InvalidOperationException(
                "AWS clients registered with AddAWSService<T>() would not use IAM Roles Anywhere: the AWSOptions registered after AddRolesAnywhereCredentials " +
                "(AddDefaultAWSOptions with a scoped or transient factory) make new options without credentials. Call AddDefaultAWSOptions before " +
                "AddRolesAnywhereCredentials, or set AWSOptions.Credentials to the RolesAnywhereAWSCredentials service in that factory.");
        }
    }

    private object Create(IServiceProvider provider)
    {
        var options = original switch
        {
            null => provider.GetService<IConfiguration>()?.GetAWSOptions() ?? new AWSOptions(),
            { ImplementationInstance: AWSOptions instance } => instance,
            { ImplementationFactory: { } factory } => (AWSOptions)factory(provider),
            { ImplementationType: { } type } => (AWSOptions)ActivatorUtilities.CreateInstance(provider, type),
            _ => new AWSOptions(),
        };
        options.Credentials ??= provider.GetRequiredService<RolesAnywhereAWSCredentials>();
        return options;
    }
}
