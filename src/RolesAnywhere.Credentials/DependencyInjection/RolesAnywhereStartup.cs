using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Makes the credentials at host start, after the options were validated (<c>ValidateOnStart</c>): the key is
/// opened then, once (a token login, a PIN prompt, a TPM open), by the one <see cref="RolesAnywhereAWSCredentials"/>
/// the host keeps, so that a certificate or key that cannot be used fails the host at start with every problem
/// listed in an <see cref="OptionsValidationException"/>, as a setting would. Then it makes sure AWS SDK clients
/// use those credentials even when <c>AddDefaultAWSOptions</c> was called after <c>AddRolesAnywhereCredentials</c>.
/// </summary>
internal sealed class RolesAnywhereStartup : IHostedService
{
    private readonly IServiceProvider services;

    public RolesAnywhereStartup(IServiceProvider services) => this.services = services;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        RolesAnywhereAWSCredentials credentials;
        try
        {
            credentials = services.GetRequiredService<RolesAnywhereAWSCredentials>();
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            throw new OptionsValidationException(Options.Options.DefaultName, typeof(RolesAnywhereOptions), ex.Failures);
        }

        AwsOptionsCredentials.EnsureUsed(services, credentials);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
