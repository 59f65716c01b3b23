using System.Text.Json;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>
/// Runs boto3 in a child python: it resolves credentials through its own provider chain (credential_process,
/// IMDS, container endpoint, shared file) and calls STS GetCallerIdentity against the emulator, which
/// verifies the SigV4 signature with the secret it issued.
/// </summary>
internal static class Botocore
{
    private const string Script = """
        import json, os, boto3
        profile = os.environ.get("TEST_PROFILE")
        session = boto3.Session(profile_name=profile) if profile else boto3.Session()
        credentials = session.get_credentials()
        sts = session.client("sts", endpoint_url=os.environ["TEST_STS_ENDPOINT"], region_name="us-east-1")
        identity = sts.get_caller_identity()
        print(json.dumps({"method": credentials.method, "arn": identity["Arn"], "accessKeyId": credentials.get_frozen_credentials().access_key}))
        """;

    public static async Task<(string Method, string Arn, string AccessKeyId)> GetCallerIdentityAsync(Uri emulator, string home, IReadOnlyDictionary<string, string> environment)
    {
        var env = new Dictionary<string, string>(environment)
        {
            ["HOME"] = home,
            ["TEST_STS_ENDPOINT"] = emulator.ToString(),
            ["AWS_CONFIG_FILE"] = environment.TryGetValue("AWS_CONFIG_FILE", out var config) ? config : Path.Combine(home, "no-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = environment.TryGetValue("AWS_SHARED_CREDENTIALS_FILE", out var shared) ? shared : Path.Combine(home, "no-credentials"),
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_METADATA_SERVICE_NUM_ATTEMPTS"] = "2",
        };
        var run = await ExternalProcess.RunAsync("python3", ["-c", Script], env);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        return (root.GetProperty("method").GetString()!, root.GetProperty("arn").GetString()!, root.GetProperty("accessKeyId").GetString()!);
    }
}
