using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Identity;

public sealed class AttributeMappingTests
{
    // The default mapping as 'aws rolesanywhere get-profile' prints it, copied from
    // https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html ("Default mapping rules in a JSON format").
    private const string DocumentedDefault = """
        {"profile": {"attributeMappings": [
          { "mappingRules": [ { "specifier": "*" } ], "certificateField": "x509Issuer" },
          { "mappingRules": [ { "specifier": "DNS" }, { "specifier": "URI" }, { "specifier": "Name/*" } ], "certificateField": "x509SAN" },
          { "mappingRules": [ { "specifier": "*" } ], "certificateField": "x509Subject" }
        ]}}
        """;

    [Fact]
    public void Parse_DocumentedDefault_SameTagsAsBuiltInDefault()
    {
        using var root = TestCertificates.Root("CN=Issuing CA, O=Example");
        using var leaf = TestCertificates.Issue(root, "CN=db-1, OU=Data", r => r.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames((2, "db-1.example.com"), (6, "urn:db:1"), (4, "CN=db"))));

        var parsed = SessionIdentity.FromCertificate(leaf, AttributeMapping.Parse(DocumentedDefault));
        var builtIn = SessionIdentity.FromCertificate(leaf, AttributeMapping.Default);

        Assert.Equal(builtIn.PrincipalTags, parsed.PrincipalTags);
        Assert.Equal(7, parsed.PrincipalTags.Count);
    }

    [Fact]
    public void Parse_SubjectCnAndOuOnly_OtherFieldsMapNothing()
    {
        // "to add mapping rules for x509Subject/CN and x509Subject/OU: --certificate-field x509Subject --mapping-rules specifier=CN specifier=OU"
        // — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/put-attribute-mapping.html
        var mapping = AttributeMapping.Parse("""{"attributeMappings":[{"certificateField":"x509Subject","mappingRules":[{"specifier":"CN"},{"specifier":"OU"}]}]}""");
        using var root = TestCertificates.Root("CN=Issuing CA");
        using var leaf = TestCertificates.Issue(root, "CN=db-1, OU=Data, O=Example", r => r.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames((2, "db-1.example.com"))));

        var identity = SessionIdentity.FromCertificate(leaf, mapping);

        Assert.Equal(["x509Subject/CN=db-1", "x509Subject/OU=Data"], identity.PrincipalTags.Select(t => $"{t.Key}={t.Value}").Order());
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Subject/O" && d.Reason.Contains("no x509Subject rule", StringComparison.Ordinal));
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509Issuer/CN");
        Assert.Contains(identity.DroppedTags, d => d.Key == "x509SAN/DNS");
    }

    [Theory]
    // "Both Name and Name/ are equivalent to Name/*" — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html
    [InlineData("Name")]
    [InlineData("Name/")]
    [InlineData("Name/*")]
    public void Parse_NameSpellings_NormalizedToNameStar(string specifier)
    {
        var mapping = AttributeMapping.Parse($$"""[{"certificateField":"x509SAN","mappingRules":[{"specifier":"{{specifier}}"}]}]""");

        Assert.Equal(["Name/*"], mapping.GetSpecifiers("x509SAN"));
    }

    [Fact]
    public void Parse_StarUnderSan_WarnsItMapsNothing()
    {
        // "* does not have a defined behavior in the context of x509SAN/URI, x509SAN/DNS, or x509SAN/" — same page.
        var mapping = AttributeMapping.Parse("""[{"certificateField":"x509SAN","mappingRules":[{"specifier":"*"}]},{"certificateField":"x509Subject","mappingRules":[{"specifier":"emailAddress"}]}]""");

        Assert.Contains(mapping.Warnings, w => w.StartsWith("x509SAN specifier '*'", StringComparison.Ordinal));
        Assert.Contains(mapping.Warnings, w => w.Contains("'emailAddress' is not a supported RDN", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MalformedJson_MessageNamesLineAndColumn()
    {
        var error = Assert.Throws<AuthorizationDocumentException>(() => AttributeMapping.Parse("[\n  {\"certificateField\": \"x509Subject\"\n   \"mappingRules\": []}\n]"));

        Assert.Equal(3, error.Line);
        Assert.Equal(4, error.Column);
        Assert.Contains("line 3, column 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCertificateField_PathAndValidValuesInMessage()
    {
        var error = Assert.Throws<AuthorizationDocumentException>(() => AttributeMapping.Parse("""[{"certificateField":"x509subject","mappingRules":[]}]"""));

        Assert.Equal("$[0].certificateField", error.JsonPath);
        Assert.Contains("x509Subject, x509Issuer, x509SAN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoMappingsArray_SaysWhatToPass()
    {
        var error = Assert.Throws<AuthorizationDocumentException>(() => AttributeMapping.Parse("""{"profile":{"name":"p"}}"""));

        Assert.Contains("get-profile", error.Message, StringComparison.Ordinal);
    }
}
