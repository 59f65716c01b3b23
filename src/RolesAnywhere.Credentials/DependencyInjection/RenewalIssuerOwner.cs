using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Renewal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The issuer <c>AddCertificateRenewal</c>'s configure callback assigned, which the host made when it built the options
/// and therefore owns: the container disposes this singleton, and with it the issuer, when the host is disposed (after the
/// renewal has stopped). An issuer registered as an <see cref="ICertificateIssuer"/> service is the container's to
/// dispose by its own rules (never an instance handed to it), so it is not held here.
/// </summary>
internal sealed class RenewalIssuerOwner(IOptions<CertificateRenewalOptions> options) : IDisposable, IAsyncDisposable
{
    /// <summary>Gets the issuer the configure callback assigned, or <see langword="null"/>.</summary>
    public ICertificateIssuer? Issuer { get; } = options.Value.Issuer;

    public void Dispose()
    {
        if (Issuer is IDisposable disposable)
        {
            disposable.Dispose();
        }
        else if (Issuer is IAsyncDisposable asyncDisposable)
        {
            asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Issuer is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (Issuer as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
