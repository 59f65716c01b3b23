using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.Tests.Hosting;

public sealed class OptionsValidatorTests : IDisposable
{
    private const string TrustAnchor = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0a1b2c3d-0000-4000-8000-000000000001";
    private const string Profile = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0a1b2c3d-0000-4000-8000-000000000002";
    private const string Role = "arn:aws:iam::111122223333:role/Workload";

    private static readonly Lazy<TestCertificateAuthority> Root = new(() => TestCertificateAuthority.CreateRoot(new TestCertificateOptions { SubjectName = "CN=Validator Test Root" }));
    private readonly string directory = Directory.CreateTempSubdirectory("ra-validate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static RolesAnywhereOptionsValidator Validator => new();

    [Fact]
    public void Validate_CompleteOptions_Succeeds()
    {
        var result = Validator.Validate(null, ValidOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneNamingTheSetting()
    {
        var options = ValidOptions();
        options.TrustAnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/wrong-kind";
        options.ProfileArn = null;
        options.RoleArn = "not-an-arn";
        options.SessionDuration = TimeSpan.FromMinutes(5);
        options.RoleSessionName = "bad name with spaces";
        options.PrivateKeyPath = Path.Combine(directory, "missing.key");

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("TrustAnchorArn", StringComparison.Ordinal) && f.Contains("trust-anchor/", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ProfileArn: required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RoleArn", StringComparison.Ordinal) && f.Contains("arn:aws:iam::", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SessionDuration", StringComparison.Ordinal) && f.Contains("00:15:00", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RoleSessionName", StringComparison.Ordinal) && f.Contains("2 to 64", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PrivateKeyPath:", StringComparison.Ordinal) && f.Contains("does not exist", StringComparison.Ordinal));
        Assert.Equal(6, failures.Count);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43201)]
    public void Validate_DurationOutsideServiceRange_Fails(int seconds)
    {
        var options = ValidOptions();
        options.SessionDuration = TimeSpan.FromSeconds(seconds);

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith("SessionDuration", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(900)]
    [InlineData(43200)]
    public void Validate_DurationAtServiceLimits_Succeeds(int seconds)
    {
        var options = ValidOptions();
        options.SessionDuration = TimeSpan.FromSeconds(seconds);

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ProfileInOtherRegion_ReportsRegionMismatch()
    {
        var options = ValidOptions();
        options.ProfileArn = Profile.Replace("eu-west-1", "us-east-1", StringComparison.Ordinal);

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.Contains("us-east-1", failure, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", failure, StringComparison.Ordinal);
        Assert.StartsWith("ProfileArn", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PartitionDoesNotMatchRegion_ReportsPartition()
    {
        var options = ValidOptions();
        options.TrustAnchorArn = TrustAnchor.Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal);

        var failures = Validator.Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.Contains("partition", StringComparison.OrdinalIgnoreCase) && f.Contains("aws-cn", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RegionSettingDiffersFromTrustAnchor_Fails()
    {
        var options = ValidOptions();
        options.Region = "us-west-2";

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith("Region", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoCertificateSource_AsksForOne()
    {
        var options = ValidOptions();
        options.CertificatePath = null;

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.Contains("CertificatePath", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoCertificateSources_Fails()
    {
        var options = ValidOptions();
        options.CertificateData = "-----BEGIN CERTIFICATE-----";

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.Contains("configured more than once (CertificatePath, CertificateData)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_ReadableFileThatIsNoCertificate_ReportsTheContentProblem()
    {
        var options = ValidOptions();
        File.WriteAllText(options.CertificatePath!, "not a certificate");
        Assert.True(Validator.Validate(null, options).Succeeded); // the validator reads no content: the credentials do, at start

        var failure = Assert.Single(await HostStartFailures(options));

        Assert.Contains(options.CertificatePath!, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_KeyOfAnotherCertificate_ReportsTheMismatch()
    {
        var options = ValidOptions();
        using var other = Root.Value.IssueClientCertificate();
        File.WriteAllText(options.PrivateKeyPath!, TestCertificatePem.PrivateKey(other));

        var failure = Assert.Single(await HostStartFailures(options));

        Assert.Contains("does not belong to the certificate", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpToRemoteHost_Fails()
    {
        var options = ValidOptions();
        options.Endpoint = new Uri("http://rolesanywhere.example.com");

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith("Endpoint", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlainHttpToLoopback_Succeeds()
    {
        var options = ValidOptions();
        options.Endpoint = new Uri("http://127.0.0.1:5000");

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_NeverEchoesThePrivateKeyOrPassword()
    {
        var options = ValidOptions();
        options.PrivateKeyPath = null;
        options.PrivateKeyData = "-----BEGIN PRIVATE KEY-----SECRETKEYMATERIAL";
        options.PrivateKeyPassword = "hunter2-password";
        options.SigningKey = null;
        options.TrustAnchorArn = "bad";
        options.SessionDuration = TimeSpan.Zero;

        var message = Validator.Validate(null, options).FailureMessage;

        Assert.DoesNotContain("SECRETKEYMATERIAL", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameOptionsAsDependencyInjection_MakesTheSameChecks()
    {
        var options = ValidOptions();
        options.ProfileArn = Profile.Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal);
        options.IntermediatesPath = Path.Combine(directory, "missing-chain.pem");
        options.MaxRetries = -1;
        var expected = Validator.Validate(null, options).Failures!;

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new RolesAnywhereAWSCredentials(options));

        Assert.Equal(3, expected.Count());
        Assert.Equal(expected, error.Failures);
    }

    [Fact]
    public void Constructor_SeveralProblems_MessageListsEachUnderItsOptionName()
    {
        var options = ValidOptions();
        options.CertificatePath = Path.Combine(directory, "missing.pem");
        options.RoleArn = "not-an-arn";
        options.MaxRetries = -1;

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new RolesAnywhereAWSCredentials(options));

        Assert.StartsWith("The Roles Anywhere settings have 3 problems:", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "- CertificatePath: '" + options.CertificatePath + "' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "- RoleArn: 'not-an-arn' is not an ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.NewLine + "- MaxRetries: -1 must be between 0 and", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(RolesAnywhereOptions), error.Message, StringComparison.Ordinal);
        Assert.Equal(
            new string?[] { nameof(RolesAnywhereOptions.RoleArn), nameof(RolesAnywhereOptions.MaxRetries), nameof(RolesAnywhereOptions.CertificatePath) },
            error.Problems.Select(p => p.Setting));
        Assert.StartsWith("'not-an-arn' is not an ARN", error.Problems[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OneProblem_MessageNamesTheOptionUnderAPlainHeading()
    {
        var options = ValidOptions();
        options.RoleSessionName = "x";

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => new RolesAnywhereAWSCredentials(options));

        Assert.StartsWith("The Roles Anywhere settings have a problem: RoleSessionName: 'x' is not a valid role session name", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(RolesAnywhereOptions.RoleSessionName), Assert.Single(error.Problems).Setting);
    }

    private static async Task<IEnumerable<string>> HostStartFailures(RolesAnywhereOptions options)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddRolesAnywhereCredentials(o =>
        {
            o.TrustAnchorArn = options.TrustAnchorArn;
            o.ProfileArn = options.ProfileArn;
            o.RoleArn = options.RoleArn;
            o.CertificatePath = options.CertificatePath;
            o.PrivateKeyPath = options.PrivateKeyPath;
        });
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        return error.Failures;
    }

    private RolesAnywhereOptions ValidOptions()
    {
        var certificate = Path.Combine(directory, "client.pem");
        var key = Path.Combine(directory, "client.key");
        using var leaf = Root.Value.IssueClientCertificate();
        TestCertificatePem.WriteFiles(leaf, certificate, key);
        return new RolesAnywhereOptions
        {
            TrustAnchorArn = TrustAnchor,
            ProfileArn = Profile,
            RoleArn = Role,
            CertificatePath = certificate,
            PrivateKeyPath = key,
        };
    }
}
