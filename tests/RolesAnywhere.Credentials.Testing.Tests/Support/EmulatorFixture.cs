using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;

namespace RolesAnywhere.Credentials.Testing.Tests.Support;

/// <summary>One emulator per test class, on a fake clock started at the real time, trusting the <see cref="TestPki"/> roots.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public RolesAnywhereEmulator Emulator { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public string RsaAnchorArn { get; private set; } = null!;

    public string EcAnchorArn { get; private set; } = null!;

    public string RoleArn { get; private set; } = null!;

    public string OtherRoleArn { get; private set; } = null!;

    /// <summary>Allows <see cref="RoleArn"/>, 12 h, no session name.</summary>
    public string ProfileArn { get; private set; } = null!;

    /// <summary>Allows <see cref="RoleArn"/>, 1 h cap, accepts a session name.</summary>
    public string NamedProfileArn { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Emulator = await RolesAnywhereEmulator.StartAsync(
            new RolesAnywhereEmulatorOptions { Region = "eu-west-1", TimeProvider = Clock },
            TestContext.Current.CancellationToken);
        RsaAnchorArn = Emulator.AddTrustAnchor(TestPki.RsaRoot.Certificate);
        EcAnchorArn = Emulator.AddTrustAnchor(TestPki.EcRoot.Certificate);
        RoleArn = Emulator.RoleArn("onprem/app");
        OtherRoleArn = Emulator.RoleArn("admin");
        ProfileArn = Emulator.AddProfile(new EmulatorProfile { RoleArns = [RoleArn] });
        NamedProfileArn = Emulator.AddProfile(new EmulatorProfile
        {
            RoleArns = [RoleArn],
            AcceptRoleSessionName = true,
            MaxSessionDuration = TimeSpan.FromHours(1),
        });
    }

    /// <summary>A request from <paramref name="certificate"/> that the emulator accepts as it is.</summary>
    internal SessionRequest Request(X509Certificate2 certificate, string anchorArn, IReadOnlyList<X509Certificate2>? chain = null) => new()
    {
        Endpoint = Emulator.Endpoint,
        Certificate = certificate,
        Chain = chain ?? [],
        Region = Emulator.Region,
        SignedAt = Clock.GetUtcNow(),
        TrustAnchorArn = anchorArn,
        ProfileArn = ProfileArn,
        RoleArn = RoleArn,
    };

    internal async Task<HttpResponseMessage> SendAsync(SessionRequest request)
    {
        using var message = request.Build();
        return await Http.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
