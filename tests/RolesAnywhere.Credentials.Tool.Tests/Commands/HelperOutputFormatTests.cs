using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Sessions;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary>
/// Output written byte for byte as <c>aws_signing_helper</c> writes it: Go's <c>encoding/json</c>
/// <c>json.Marshal</c> of the helper's structs (keys in struct order, no spaces, no trailing newline;
/// <c>+</c> and <c>/</c> as themselves, only <c>"</c>, <c>\</c>, control characters, <c>&lt; &gt; &amp;</c>
/// and U+2028/U+2029 escaped), so pipelines written against the helper keep working.
/// </summary>
public sealed class HelperOutputFormatTests : IDisposable
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY+EXAMPLEKEY";
    private const string Token = "IQoJb3JpZ2luX2VjE+/a+b/c==";

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task CredentialProcess_Output_ByteForByteAsTheGoHelper()
    {
        var expiration = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
        var source = new FixedSource(new SessionCredentials("ASIAEXAMPLE0000WXYZ", Secret, Token, expiration, expiration.AddHours(-1), accountId: null, assumedRoleArn: null, subjectArn: null));

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(expiration.AddHours(-1));

        var cold = await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process"), _ => source, cacheDirectory: directory.Path, time: clock);
        var cached = await ToolRun.RunAsync(ToolRun.SessionArgs("credential-process"), _ => source, cacheDirectory: directory.Path, time: clock);

        const string expected = "{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLE0000WXYZ\",\"SecretAccessKey\":\"" + Secret
            + "\",\"SessionToken\":\"" + Token + "\",\"Expiration\":\"2026-11-30T09:15:00Z\"}";
        Assert.Equal(expected, cold.StdoutText);
        Assert.Equal(expected, cached.StdoutText);
    }

    [Fact]
    public async Task ReadCertificateData_HelperFieldsFirst_ByteForByteAsTheGoHelper()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (certificate, base64) = CertificateWithPlusInBase64(key);
        using (certificate)
        {
            await File.WriteAllTextAsync(directory.File("c.pem"), certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);

            var run = await ToolRun.RunAsync(["read-certificate-data", "--certificate", directory.File("c.pem")]);

            var serial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);
            var helper = "{\"keyType\":\"EC\",\"certificateData\":\"" + base64 + "\",\"serialNumber\":\"" + serial
                + "\",\"supportedAlgorithms\":[\"SHA256WITHECDSA\",\"SHA384WITHECDSA\",\"SHA512WITHECDSA\"]";
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(helper, run.StdoutText[..helper.Length]);
            Assert.StartsWith(helper + ",\"subject\":\"CN=R\\u0026D ops\",", run.StdoutText, StringComparison.Ordinal);
            Assert.EndsWith("\"}", run.StdoutText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("a+b/c=", "a+b/c=")]
    [InlineData("q\"b\\s", "q\\\"b\\\\s")]
    [InlineData("<&>", "\\u003c\\u0026\\u003e")]
    [InlineData("\n\r\t\b\f\u0001\u001f", "\\n\\r\\t\\b\\f\\u0001\\u001f")]
    [InlineData("\u2028\u2029", "\\u2028\\u2029")]
    [InlineData("é ü 東京 \U0001F511 \u007f", "é ü 東京 \U0001F511 \u007f")]
    public void GoJsonEncoder_EscapesExactlyWhatEncodingJsonEscapes(string value, string escaped)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, Json.ToolJsonContext.Output.String);

        Assert.Equal("\"" + escaped + "\"", Encoding.UTF8.GetString(json));
    }

    private static (X509Certificate2 Certificate, string Base64) CertificateWithPlusInBase64(ECDsa key)
    {
        for (var attempt = 0; ; attempt++)
        {
            var request = new CertificateRequest("CN=R&D ops", key, HashAlgorithmName.SHA256);
            var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var base64 = Convert.ToBase64String(certificate.RawData);
            if (base64.Contains('+', StringComparison.Ordinal) || attempt == 50)
            {
                Assert.Contains("+", base64, StringComparison.Ordinal);
                return (certificate, base64);
            }

            certificate.Dispose();
        }
    }

    private sealed class FixedSource(SessionCredentials credentials) : ISessionSource
    {
        public ValueTask<SessionCredentials> CreateSessionAsync(bool async, CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
    }
}
