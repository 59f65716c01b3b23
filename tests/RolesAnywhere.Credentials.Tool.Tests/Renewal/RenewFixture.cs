using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Tests.Renewal;

namespace RolesAnywhere.Credentials.Tool.Tests.Renewal;

/// <summary>A real <c>cfssl serve</c> and an emulator that trusts its CA as a trust anchor, shared by the <c>renew</c> tests.</summary>
public sealed class RenewFixture : IAsyncLifetime
{
    public CfsslServer Cfssl { get; } = new();

    public RolesAnywhereEmulator Emulator { get; private set; } = null!;

    /// <summary>Gets the trust anchor made of the CFSSL CA.</summary>
    public string TrustAnchorArn { get; private set; } = string.Empty;

    public string ProfileArn { get; private set; } = string.Empty;

    public string RoleArn { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Emulator = await RolesAnywhereEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        TrustAnchorArn = Emulator.AddTrustAnchor(Cfssl.Ca.Certificate);
        RoleArn = Emulator.RoleArn("RenewedWorkload");
        ProfileArn = Emulator.AddProfile(new EmulatorProfile { RoleArns = [RoleArn] });
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Cfssl.Dispose();
    }

    /// <summary>The session flags that prove a renewed pair with one CreateSession against the emulator.</summary>
    public string[] SessionFlags(string? trustAnchorArn = null) =>
    [
        "--trust-anchor-arn", trustAnchorArn ?? TrustAnchorArn, "--profile-arn", ProfileArn, "--role-arn", RoleArn,
        "--endpoint", Emulator.Endpoint.ToString().TrimEnd('/'),
    ];
}
