using RolesAnywhere.Credentials.Testing;

namespace RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;

/// <summary>One CreateSession emulator that trusts the hardware tests' CA, with one profile and role.</summary>
public sealed class HardwareEmulatorFixture : IAsyncLifetime
{
    public RolesAnywhereEmulator Emulator { get; private set; } = null!;

    public string TrustAnchorArn { get; private set; } = null!;

    public string ProfileArn { get; private set; } = null!;

    public string RoleArn { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await RolesAnywhereEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        TrustAnchorArn = Emulator.AddTrustAnchor(HardwareIssuer.Authority.Certificate);
        RoleArn = Emulator.RoleArn("hardware");
        ProfileArn = Emulator.AddProfile(new EmulatorProfile { RoleArns = [RoleArn] });
    }

    public RolesAnywhereOptions Options() => new()
    {
        TrustAnchorArn = TrustAnchorArn,
        ProfileArn = ProfileArn,
        RoleArn = RoleArn,
        Endpoint = Emulator.Endpoint,
        MaxRetries = 0,
    };

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
