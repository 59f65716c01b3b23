using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>The real AWS clients the end-to-end tests drive, checked once.</summary>
internal static class RealClients
{
    public const string AwsCli = "/usr/bin/aws";

    private static readonly Lazy<bool> AwsCliV2 = new(() => File.Exists(AwsCli) && ExternalProcess.Works(AwsCli, "--version"));

    private static readonly Lazy<bool> Botocore = new(() => ExternalProcess.Works("python3", "-c", "import boto3, botocore"));

    public static void RequireAwsCli() =>
        Requirement.That(AwsCliV2.Value, $"the AWS CLI v2 at {AwsCli} (with 'configure export-credentials') is needed: apt-get install awscli, or run .ci/install-test-deps");

    public static void RequireBotocore() =>
        Requirement.That(Botocore.Value, "python3 with boto3/botocore is needed: apt-get install python3-boto3");
}
