using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Identity;

public sealed class SessionIdentityTests
{
    // The example certificate of the trust model page, https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html:
    // "Serial Number: 1f:71:c5:11:4a:11:9f:c0:cc:5a:5a:52:fb:37:20:ad", "Issuer: C=US, O=Amazon, OU=IAM, ST=Washington, CN=Roles Anywhere, L=Seattle";
    // the session name is "the hex-encoded serial number of the authenticating certificate".
    private static readonly byte[] DocumentedSerial = Convert.FromHexString("1f71c5114a119fc0cc5a5a52fb3720ad");

    [Fact]
    public void FromCertificate_TrustModelExample_SessionNameIsHexSerialAndEveryIssuerRdnIsATag()
    {
        // .NET encodes a DN string last-first; written reversed, the issuer is encoded in the order openssl shows it on the page.
        using var root = TestCertificates.Root("L=Seattle, CN=Roles Anywhere, ST=Washington, OU=IAM, O=Amazon, C=US");
        using var leaf = TestCertificates.Issue(root, "CN=Alice", serial: DocumentedSerial);

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Equal("1f71c5114a119fc0cc5a5a52fb3720ad", identity.RoleSessionName);
        Assert.Equal("41796794418840706582093025104159514797", identity.SerialNumberDecimal);
        Assert.Equal(
            [
                new("x509Subject/CN", "Alice"),
                new("x509Issuer/C", "US"), new("x509Issuer/O", "Amazon"), new("x509Issuer/OU", "IAM"),
                new("x509Issuer/ST", "Washington"), new("x509Issuer/CN", "Roles Anywhere"), new("x509Issuer/L", "Seattle"),
            ],
            identity.PrincipalTags);
        Assert.Empty(identity.DroppedTags);
    }

    [Fact]
    public void FromCertificate_SubjectCnAlice_SourceIdentityAndPrincipalTagFromCn()
    {
        // "if a certificate has a Subject with CN=Alice, the value is added to the session as a PrincipalTag:
        // aws:PrincipalTag/x509Subject/CN" — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/workload-identities.html
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=Alice, OU=Payments");

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Equal("CN=Alice", identity.SourceIdentity);
        Assert.True(identity.TryGetTag("x509subject/cn", out var cn));
        Assert.Equal("Alice", cn);
        Assert.True(identity.TryGetTag("x509Subject/OU", out var ou));
        Assert.Equal("Payments", ou);
    }

    [Fact]
    public void FromCertificate_SubjectWithoutCn_NoSourceIdentity()
    {
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "O=Example, OU=Batch");

        Assert.Null(SessionIdentity.FromCertificate(leaf).SourceIdentity);
    }

    [Fact]
    public void FromCertificate_DefaultMapping_FirstDnsUriAndDirectoryNameMappedOthersDropped()
    {
        // Default mapping: "x509SAN: maps the first value of the following types: DNS Names, Directory Name (DN), and URI Names"
        // — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=db-1", request => request.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames(
            (2, "db-1.example.com"), (2, "db-1.internal"), (6, "spiffe://example.com/db"), (1, "ops@example.com"),
            (4, "CN=db-1, O=Example"), (4, "CN=second"))));

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Contains(new KeyValuePair<string, string>("x509SAN/DNS", "db-1.example.com"), identity.PrincipalTags);
        Assert.Contains(new KeyValuePair<string, string>("x509SAN/URI", "spiffe://example.com/db"), identity.PrincipalTags);
        Assert.Contains(new KeyValuePair<string, string>("x509SAN/Name/CN", "db-1"), identity.PrincipalTags);
        Assert.Contains(new KeyValuePair<string, string>("x509SAN/Name/O", "Example"), identity.PrincipalTags);
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509SAN/DNS" && d.Value == "db-1.internal" && d.Reason.Contains("first", StringComparison.Ordinal));
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509SAN" && d.Value == "email:ops@example.com");
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509SAN/Name" && d.Value == "CN=second");
    }

    [Fact]
    public void FromCertificate_UnsupportedRdn_DroppedWithReason()
    {
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=svc, E=svc@example.com, DC=example");

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Equal([new("x509Subject/CN", "svc"), new("x509Issuer/CN", "Test Root")], identity.PrincipalTags);
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Subject/emailAddress" && d.Value == "svc@example.com" && d.Reason.Contains("not an RDN", StringComparison.Ordinal));
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Subject/DC");
    }

    [Fact]
    public void FromCertificate_RepeatedRdn_FirstKeptSecondDropped()
    {
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=svc, OU=a, OU=b");

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Single(identity.PrincipalTags, t => t.Key == "x509Subject/OU");
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Subject/OU" && d.Reason.Contains("one value", StringComparison.Ordinal));
    }

    [Theory]
    // STS session tag values: at most 256 characters of [\p{L}\p{Z}\p{N}_.:/=+\-@] — https://docs.aws.amazon.com/STS/latest/APIReference/API_Tag.html
    [InlineData("Example, Inc.", false)]
    [InlineData("Example Inc. (EU)", false)]
    [InlineData("Exämple_Corp:1/2=3+4-5@6", true)]
    public void FromCertificate_TagValueOutsideStsPattern_Dropped(string organization, bool kept)
    {
        using var root = TestCertificates.Root();
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("svc");
        name.AddOrganizationName(organization);
        using var leaf = TestCertificates.Issue(root, name.Build().Name);

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Equal(kept, identity.TryGetTag("x509Subject/O", out _));
        Assert.Equal(!kept, identity.DroppedTags.Any(d => d.Key == "x509Subject/O" && d.Reason.Contains("STS", StringComparison.Ordinal)));
    }

    [Fact]
    public void FromCertificate_ValueOver256Characters_Dropped()
    {
        using var root = TestCertificates.Root();
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName("svc");
        name.AddOrganizationalUnitName(new string('u', 257));
        using var leaf = TestCertificates.Issue(root, name.Build().Name);

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.False(identity.TryGetTag("x509Subject/OU", out _));
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Subject/OU" && d.Reason.Contains("256", StringComparison.Ordinal));
    }

    [Fact]
    public void FromCertificate_SerialWithHighBit_DecimalStaysPositive()
    {
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=svc", serial: [0x00, 0xFF, 0x01]);

        var identity = SessionIdentity.FromCertificate(leaf);

        Assert.Equal("65281", identity.SerialNumberDecimal);
        Assert.Equal("00ff01", identity.SerialNumberHex);
    }
}
