// The quick start: IAM Roles Anywhere credentials -> a signed AWS call.
//
//   dotnet run --project samples/QuickStart
//       No arguments: starts the bundled emulator on loopback with a fresh demo CA and client certificate,
//       so the whole chain (certificate -> CreateSession -> credentials -> STS GetCallerIdentity) runs offline.
//
//   dotnet run --project samples/QuickStart -- --trust-anchor-arn ARN --profile-arn ARN --role-arn ARN \
//       --certificate client.pem --private-key client.key [--intermediates chain.pem] [--region eu-west-1]
//       The same against real AWS (flags as in aws_signing_helper).
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using QuickStart;
using RolesAnywhere.Credentials;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(QuickStartArguments.Usage);
    return 0;
}

try
{
    if (args.Length == 0)
    {
        await using var demo = await DemoEnvironment.StartAsync();
        Console.WriteLine($"Started the local Roles Anywhere emulator at {demo.Endpoint} with a demo CA '{demo.CaSubject}'.");
        Console.WriteLine($"Issued the client certificate '{demo.ClientSubject}' into {demo.CertificatePath}.");
        return await RunAsync(demo.Options, demo.StsConfig, () => $"(the emulator issued {demo.SessionCount} session(s))");
    }

    var parsed = QuickStartArguments.Parse(args);
    return await RunAsync(parsed.Options, parsed.StsConfig, () => string.Empty);
}
catch (Exception ex) when (ex is RolesAnywhereException or ArgumentException or AmazonServiceException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

static async Task<int> RunAsync(RolesAnywhereOptions options, AmazonSecurityTokenServiceConfig stsConfig, Func<string> sessions)
{
    using var credentials = new RolesAnywhereAWSCredentials(options);
    using var sts = new AmazonSecurityTokenServiceClient(credentials, stsConfig);

    var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
    var first = await credentials.GetCredentialsAsync();
    Console.WriteLine($"Caller identity: {identity.Arn} (account {identity.Account}, user id {identity.UserId})");
    Console.WriteLine($"Credentials:     access key {Mask(first.AccessKey)}, valid until {Expiry(credentials)}");

    // Force a new session, as the library does on its own shortly before expiry.
    credentials.ClearCredentials();
    var refreshed = await credentials.GetCredentialsAsync();
    var again = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
    Console.WriteLine($"Refreshed:       access key {Mask(refreshed.AccessKey)}, valid until {Expiry(credentials)}, still {again.Arn} {sessions()}");
    return 0;
}

static string Mask(string accessKey) => accessKey.Length <= 8 ? "****" : accessKey[..4] + "…" + accessKey[^4..];

static string Expiry(RefreshingAWSCredentials credentials) =>
    credentials.Expiration is { } expiration ? expiration.ToUniversalTime().ToString("u") : "unknown";
