using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.KeySources.CertificateStore;

namespace RolesAnywhere.Credentials.Hardware.Tests.KeySources.CertificateStore;

public sealed class CertificateSelectorTests
{
    private static readonly Lazy<X509Certificate2> s_certificate = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=app one, O=Example Corp, ST=Washington, C=US", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    });

    private static X509Certificate2 Certificate => s_certificate.Value;

    [Theory]
    [InlineData("Key=x509Subject,Value=CN=app one,O=Example Corp,ST=Washington,C=US")]
    [InlineData("Key=x509Subject,Value=C=US,ST=Washington,O=Example Corp,CN=app one")]
    [InlineData("Key=x509Subject,Value=CN=APP ONE, O=example corp, S=Washington, C=US")]
    [InlineData("Key=x509Issuer,Value=CN=app one,O=Example Corp,ST=Washington,C=US")]
    public void Matches_DistinguishedNameInAnyOrderOrCase_True(string selector) =>
        Assert.True(CertificateSelector.Parse(selector).Matches(Certificate));

    [Fact]
    public void Matches_SerialHexWithColonsAndLeadingZeros_True()
    {
        string serial = "00:" + string.Join(':', Enumerable.Range(0, Certificate.SerialNumber.Length / 2).Select(i => Certificate.SerialNumber.Substring(i * 2, 2).ToLowerInvariant()));

        Assert.True(CertificateSelector.Parse($"Key=x509Serial,Value={serial}").Matches(Certificate));
    }

    [Fact]
    public void Matches_Sha1AndSha256Thumbprints_True()
    {
        Assert.True(CertificateSelector.Parse($"Key=thumbprint,Value={Certificate.Thumbprint.ToLowerInvariant()}").Matches(Certificate));
        Assert.True(CertificateSelector.Parse($"Key=thumbprint,Value={Certificate.GetCertHashString(HashAlgorithmName.SHA256)}").Matches(Certificate));
    }

    [Fact]
    public void Matches_SeveralCriteriaOneDiffers_False()
    {
        var selector = CertificateSelector.Parse("Key=x509Subject,Value=CN=app one,O=Example Corp,ST=Washington,C=US Key=x509Serial,Value=01");

        Assert.Equal(2, selector.Criteria.Count);
        Assert.False(selector.Matches(Certificate));
    }

    [Fact]
    public void Matches_SubjectMissingComponent_False() =>
        Assert.False(CertificateSelector.Parse("Key=x509Subject,Value=CN=app one").Matches(Certificate));

    [Fact]
    public void Parse_JsonFile_ReadsCriteria()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ra-selector-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""[{"Key":"x509Subject","Value":"CN=app one,O=Example Corp,ST=Washington,C=US"},{"Key":"x509Serial","Value":"{{Certificate.SerialNumber}}"}]""");
        try
        {
            var selector = CertificateSelector.Parse("file://" + path);

            Assert.Equal(2, selector.Criteria.Count);
            Assert.True(selector.Matches(Certificate));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("x509Subject=CN=a", "expected 'Key='")]
    [InlineData("Key=x509Subject", "has no 'Value='")]
    [InlineData("Key=x509Color,Value=red", "'x509Color' is unknown")]
    [InlineData("Key=x509Serial,Value=xyz", "must be hexadecimal")]
    [InlineData("Key=x509Subject,Value=  ", "is empty")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string selector, string expected)
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => CertificateSelector.Parse(selector));

        Assert.Contains("CertificateSelector", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingJsonFile_ThrowsNamingPath()
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => CertificateSelector.Parse("file:///nonexistent/selector.json"));

        Assert.Contains("/nonexistent/selector.json", ex.Message, StringComparison.Ordinal);
    }
}
