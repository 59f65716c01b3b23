using System.Text;
using RolesAnywhere.Credentials.Testing.Certificates;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

/// <summary>Text from the network reaches the terminal without control characters: a gateway cannot recolour, move the cursor or retitle it.</summary>
public sealed class RemoteTextTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task CredentialProcess_GatewayBodyWithEscapeSequences_StrippedFromMessage()
    {
        const string body = "<html>\u001b[31mRED\u001b[0m bad\u0007 gateway\u001b]0;pwned\u0007\u202e</html>";
        var response = Encoding.UTF8.GetBytes(
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nx-amzn-RequestId: req-\u001b[2Jid\r\nConnection: close\r\nContent-Length: "
            + Encoding.UTF8.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n" + body);
        await using var gateway = new RawHttpServer(response);
        using var ca = TestCertificateAuthority.CreateRoot();
        using var client = ca.IssueClientCertificate(new TestCertificateOptions());
        TestCertificatePem.WriteFiles(client, directory.File("c.pem"), directory.File("c.key"));

        var run = await ToolRun.RunAsync(
            [
                "credential-process", "--no-cache", "--certificate", directory.File("c.pem"), "--private-key", directory.File("c.key"),
                "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/ta",
                "--profile-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/p",
                "--role-arn", "arn:aws:iam::111122223333:role/ToolTestRole", "--endpoint", gateway.Origin,
            ],
            a => LibraryCredentialSource.Create(a, pinPrompt: null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("502", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("RED", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
        Assert.DoesNotContain('\u202e', run.Stderr);
    }
}
