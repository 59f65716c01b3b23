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
