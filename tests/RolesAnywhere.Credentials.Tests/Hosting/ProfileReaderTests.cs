using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Profiles;

namespace RolesAnywhere.Credentials.Tests.Hosting;

public sealed class ProfileReaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ra-profile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string CredentialsFile => Path.Combine(directory, "credentials");

    [Fact]
    public void TryRead_ProfileWithEveryKey_MapsEachToItsOption()
    {
        var certificate = Touch("client.pem");
        var key = Touch("client.key");
        WriteConfig($"""
            [ra]
            region = eu-west-1
            roles_anywhere_trust_anchor_arn = arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta
            roles_anywhere_profile_arn = arn:aws:rolesanywhere:eu-west-1:111122223333:profile/pr
            roles_anywhere_role_arn = arn:aws:iam::111122223333:role/Workload
            roles_anywhere_certificate = {certificate}
            roles_anywhere_private_key = {key}
            roles_anywhere_intermediates = {certificate}
            roles_anywhere_session_duration = 1800
            roles_anywhere_role_session_name = build-agent
            roles_anywhere_endpoint = http://127.0.0.1:8443
            roles_anywhere_region = eu-west-1
            roles_anywhere_use_fips_endpoint = false
            roles_anywhere_use_dualstack_endpoint = true
            """);

        Assert.True(RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out var options));

        Assert.Equal("arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta", options.TrustAnchorArn);
        Assert.Equal("arn:aws:rolesanywhere:eu-west-1:111122223333:profile/pr", options.ProfileArn);
        Assert.Equal("arn:aws:iam::111122223333:role/Workload", options.RoleArn);
        Assert.Equal(certificate, options.CertificatePath);
        Assert.Equal(key, options.PrivateKeyPath);
        Assert.Equal(certificate, options.IntermediatesPath);
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionDuration);
        Assert.Equal("build-agent", options.RoleSessionName);
        Assert.Equal(new Uri("http://127.0.0.1:8443"), options.Endpoint);
        Assert.Equal("eu-west-1", options.Region);
        Assert.False(options.UseFipsEndpoint);
        Assert.True(options.UseDualStackEndpoint);
    }

    [Fact]
    public void TryRead_CertificateStoreKeys_MapToTheStoreOptions()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_cert_selector = Key=x509Subject,Value=CN=workload Key=x509Issuer,Value=CN=Corp CA
            roles_anywhere_system_store_name = WorkloadStore
            roles_anywhere_system_store_location = localmachine
            roles_anywhere_use_latest_expiring_certificate = true
            """);

        Assert.True(RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out var options));

        Assert.Equal("Key=x509Subject,Value=CN=workload Key=x509Issuer,Value=CN=Corp CA", options.CertificateSelector);
        Assert.Equal("WorkloadStore", options.CertificateStoreName);
        Assert.Equal(System.Security.Cryptography.X509Certificates.StoreLocation.LocalMachine, options.CertificateStoreLocation);
        Assert.True(options.UseLatestExpiringCertificate);
    }

    [Theory]
    [InlineData("Everywhere")]
    [InlineData("7")]
    public void TryRead_UnknownStoreLocation_ThrowsNamingKeyAndChoices(string location)
    {
        WriteConfig($"""
            [ra]
            roles_anywhere_system_store_location = {location}
            """);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out _));

        Assert.Contains(RolesAnywhereSettings.CertificateStoreLocation.ProfileKey!, error.Message, StringComparison.Ordinal);
        Assert.Contains("CurrentUser or LocalMachine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ProfileWithoutRolesAnywhereKeys_ReturnsFalse()
    {
        WriteConfig("""
            [plain]
            region = eu-west-1
            """);

        Assert.False(RolesAnywhereProfileReader.TryRead("plain", CredentialsFile, out _));
    }

    [Fact]
    public void TryRead_MissingProfile_ReturnsFalse()
    {
        WriteConfig("[other]\nregion = eu-west-1\n");

        Assert.False(RolesAnywhereProfileReader.TryRead("absent", CredentialsFile, out _));
    }

    [Fact]
    public void TryRead_MisspelledKey_ThrowsListingTheKnownKeys()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_trust_anchor = arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta
            """);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out _));

        Assert.Contains("unknown key(s) roles_anywhere_trust_anchor:", error.Message, StringComparison.Ordinal);
        Assert.Contains(RolesAnywhereSettings.TrustAnchorArn.ProfileKey!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_NonNumericDuration_ThrowsNamingTheKey()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_session_duration = 1h
            """);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out _));

        Assert.Contains(RolesAnywhereSettings.SessionDuration.ProfileKey!, error.Message, StringComparison.Ordinal);
        Assert.Contains("900 to 43200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_HomeRelativePath_IsExpanded()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_certificate = ~/certs/client.pem
            """);

        Assert.True(RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out var options));

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, "certs", "client.pem"), options.CertificatePath);
    }

    [Fact]
    public void Read_InvalidSettings_ThrowsWithEveryProblem()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_trust_anchor_arn = arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta
            roles_anywhere_session_duration = 60
            roles_anywhere_certificate = /nonexistent/client.pem
            """);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.Read("ra", CredentialsFile));

        Assert.Contains("'ra'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ProfileArn", error.Message, StringComparison.Ordinal);
        Assert.Contains("RoleArn", error.Message, StringComparison.Ordinal);
        Assert.Contains("SessionDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/client.pem", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingProfile_ThrowsNamingProfileAndKeys()
    {
        WriteConfig("[other]\nregion = eu-west-1\n");

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.Read("absent", CredentialsFile));

        Assert.Contains("'absent'", error.Message, StringComparison.Ordinal);
        Assert.Contains(RolesAnywhereSettings.TrustAnchorArn.ProfileKey!, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> ProfileKeys => [.. RolesAnywhereSettings.InProfiles.Select(s => s.ProfileKey!)];

    [Theory]
    [MemberData(nameof(ProfileKeys))]
    public void ProfileFingerprint_AnyKeyEdited_Changes(string editedKey)
    {
        // Two values each kind parses; every key set to the first, then the edited one to the second.
        static (string First, string Second) ValuesOf(SettingKind kind) => kind switch
        {
            SettingKind.Boolean => ("false", "true"),
            SettingKind.Duration => ("900", "1800"),
            SettingKind.Uri => ("https://a.example", "https://b.example"),
            SettingKind.StoreLocation => ("CurrentUser", "LocalMachine"),
            _ => ("/first/value", "/second/value"),
        };

        string Profile(string? edited) => "[ra]\n" + string.Join("\n", RolesAnywhereSettings.InProfiles.Select(s =>
        {
            var (first, second) = ValuesOf(s.Kind);
            return $"{s.ProfileKey} = {(s.ProfileKey == edited ? second : first)}";
        }));

        WriteConfig(Profile(edited: null));
        Assert.True(RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out var before));
        WriteConfig(Profile(editedKey));
        Assert.True(RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out var after));

        Assert.NotEqual(RolesAnywhereSettings.ProfileFingerprint(before), RolesAnywhereSettings.ProfileFingerprint(after));
    }

    [Fact]
    public void TryRead_SeveralMalformedValuesAndAnUnknownKey_ReportsEveryOne()
    {
        WriteConfig("""
            [ra]
            roles_anywhere_session_duration = 1h
            roles_anywhere_use_fips_endpoint = maybe
            roles_anywhere_trust_anchor = x
            """);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => RolesAnywhereProfileReader.TryRead("ra", CredentialsFile, out _));

        Assert.Contains("unknown key(s) roles_anywhere_trust_anchor:", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles_anywhere_session_duration = '1h' is not valid; expected a number of seconds from 900 to 43200", error.Message, StringComparison.Ordinal);
        Assert.Contains("roles_anywhere_use_fips_endpoint = 'maybe' is not valid; expected true or false", error.Message, StringComparison.Ordinal);
    }

    // The SDK reads the config file from a location fixed at process start; a shared credentials file can be
    // named per call (AWSOptions.ProfilesLocation), so the tests write their profiles there.
    private void WriteConfig(string text) => File.WriteAllText(CredentialsFile, text + "\n");

    private string Touch(string name)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "x");
        return path;
    }
}
