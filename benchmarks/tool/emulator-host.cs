#:project ../../src/RolesAnywhere.Credentials.Testing/RolesAnywhere.Credentials.Testing.csproj
#:property TargetFramework=net10.0
#:property NoWarn=$(NoWarn);CA2007

// Starts the CreateSession emulator on loopback for benchmarks/tool/measure.sh: writes a client
// certificate and key, plus the ARNs and endpoint as shell variables, into the directory given as the
// first argument, prints "ready", and serves until standard input closes.
// (A console program has no synchronization context, so CA2007 does not apply.)
using RolesAnywhere.Credentials.Testing;
using RolesAnywhere.Credentials.Testing.Certificates;

var directory = args[0];
await using var emulator = await RolesAnywhereEmulator.StartAsync();
using var authority = TestCertificateAuthority.CreateRoot();
var trustAnchor = emulator.AddTrustAnchor(authority.Certificate);
var role = emulator.RoleArn("BenchmarkRole");
var profile = emulator.AddProfile(new EmulatorProfile { RoleArns = [role] });
using var client = authority.IssueClientCertificate();
TestCertificatePem.WriteFiles(client, Path.Combine(directory, "client.pem"), Path.Combine(directory, "client.key"));
await File.WriteAllTextAsync(
    Path.Combine(directory, "emulator.env"),
    $"ENDPOINT={emulator.Endpoint.ToString().TrimEnd('/')}\nTRUST_ANCHOR_ARN={trustAnchor}\nPROFILE_ARN={profile}\nROLE_ARN={role}\n");
Console.WriteLine("ready");
await Console.In.ReadToEndAsync();
Console.Error.WriteLine($"emulator: {emulator.SuccessfulSessionCount} sessions issued");
