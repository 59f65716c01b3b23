using System.Text.Json;
using RolesAnywhere.Credentials.Endpoints;
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary>
/// The tool accepts every partition of the library's one table (<see cref="Partition.Known"/>): credential-process
/// with ARNs of that partition obtains credentials from an emulator serving a region of it.
/// </summary>
public sealed class PartitionCommandTests : IDisposable
{
    private readonly TempDirectory files = new();

    public void Dispose() => files.Dispose();

    public static TheoryData<string> Partitions => [.. Partition.Known.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Partitions))]
    public async Task CredentialProcess_RegionOfThePartition_PrintsCredentials(string partition)
    {
        // A region name the partition's prefix claims (aws holds every region no other claims).
        var region = (Partition.Find(partition)!.RegionPrefix ?? "eu-") + "west-1";
        await using var emulator = await RolesAnywhereEmulator.StartAsync(new RolesAnywhereEmulatorOptions { Region = region }, TestContext.Current.CancellationToken);
        using var authority = TestCertificateAuthority.CreateRoot();
        var trustAnchorArn = emulator.AddTrustAnchor(authority.Certificate);
        var roleArn = emulator.RoleArn("PartitionRole");
        var profileArn = emulator.AddProfile(new EmulatorProfile { RoleArns = [roleArn] });
        using var client = authority.IssueClientCertificate();
        TestCertificatePem.WriteFiles(client, files.File("client.pem"), files.File("client.key"));
        Assert.StartsWith($"arn:{partition}:rolesanywhere:{region}:", trustAnchorArn, StringComparison.Ordinal);

        var run = await ToolRun.RunAsync(
            [
                "credential-process", "--no-cache",
                "--certificate", files.File("client.pem"), "--private-key", files.File("client.key"),
                "--trust-anchor-arn", trustAnchorArn, "--profile-arn", profileArn, "--role-arn", roleArn,
                "--endpoint", emulator.Endpoint.ToString(),
            ],
            arguments => LibraryCredentialSource.Create(arguments, pinPrompt: null));

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.StdoutText);
        Assert.StartsWith("ASIA", json.RootElement.GetProperty("AccessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, emulator.SuccessfulSessionCount);
    }
}
