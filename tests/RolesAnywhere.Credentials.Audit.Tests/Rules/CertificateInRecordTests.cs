using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>
/// When a CreateSession record carries the end-entity certificate (no field for it is documented; the reader looks
/// under x509Certificate, cert, certificate in requestParameters and additionalEventData), serial and subject come from it.
/// </summary>
public sealed class CertificateInRecordTests
{
    [Theory]
    [InlineData("requestParameters", "x509Certificate", false)]
    [InlineData("additionalEventData", "cert", true)]
    public async Task Run_CertificateInCreateSession_SerialAndSubjectFromIt(string element, string key, bool pem)
    {
        using var key256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=cert-in-record, O=Example", key256, HashAlgorithmName.SHA256);
        using var certificate = request.Create(new X500DistinguishedName("CN=Issuer"), X509SignatureGenerator.CreateForECDsa(key256),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), [0x00, 0xAB, 0xCD, 0xEF]);
        var encoded = pem ? certificate.ExportCertificatePem() : Convert.ToBase64String(certificate.RawData);
        var record = new JsonObject
        {
            ["eventTime"] = "2026-11-20T08:00:00Z", ["eventSource"] = "rolesanywhere.amazonaws.com", ["eventName"] = "CreateSession",
            ["sourceIPAddress"] = "203.0.113.10", ["eventID"] = "e-cert",
            ["requestParameters"] = new JsonObject { ["roleArn"] = "arn:aws:iam::111122223333:role/app" },
            [element] = new JsonObject(),
        };
        record[element]![key] = encoded;
        using var workspace = new AuditWorkspace();
        var path = workspace.Write("cert.json", new JsonObject { ["Records"] = new JsonArray(record) }.ToJsonString());

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path], KnownSerials = KnownSerials.Parse("1\n", "known.txt") });

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("unknown-certificate", "abcdef", "CN=cert-in-record, O=Example"), (finding.Rule, finding.SerialNumber, finding.Subject));
    }
}
