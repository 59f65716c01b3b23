using System.Diagnostics;
using System.Text;
using RolesAnywhere.Credentials.Hardware.Tests.EndToEnd;
using RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;
using RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

namespace RolesAnywhere.Credentials.Hardware.Tests.Tool;

/// <summary>
/// The built tool on a real terminal: util-linux <c>script</c> gives it a pseudo-terminal with echo on, the
/// test types the PIN only once the question is shown, and checks the PIN is used and never echoed.
/// </summary>
public sealed class ToolTerminalPinTests(HardwareEmulatorFixture world) : IClassFixture<HardwareEmulatorFixture>
{
    private const string Script = "/usr/bin/script";

    [Fact]
    public async Task CredentialProcess_OnTerminalWithoutPinInUri_AsksWithoutEchoAndSigns()
    {
        var hsm = SoftHsm.Require();
        TestSupport.Requirement.That(File.Exists(Script), $"util-linux 'script' ({Script}, Debian package bsdutils) is needed to give the tool a terminal");
        var command = string.Join(' ', new[] { ToolBinary.Path }
            .Concat(ToolSession.CredentialProcess(world, "--certificate", SoftHsm.Uri("object=p256", pin: null)))
            .Select(a => "'" + a + "'"));
        var start = new ProcessStartInfo(Script) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--quiet", "--flush", "--return", "--echo", "always", "--command", command, "/dev/null"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(60));
        var terminal = new StringBuilder();
        try
        {
            await ReadUntilAsync(process.StandardOutput, terminal, "PIN for token 'ra-main': ", limit.Token);
            await process.StandardInput.WriteAsync(SoftHsm.Pin + "\r");
            await process.StandardInput.FlushAsync(limit.Token);
            terminal.Append(await process.StandardOutput.ReadToEndAsync(limit.Token));
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The tool did not finish on the terminal; it showed: " + terminal);
        }

        var shown = terminal.ToString();
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}; the terminal showed: {shown}");
        var answer = shown[shown.IndexOf('{', StringComparison.Ordinal)..];
        ToolSession.AssertIssuedFor(world, answer, hsm.P256Certificate);
        var typed = shown[..shown.IndexOf('{', StringComparison.Ordinal)];
        Assert.DoesNotContain(SoftHsm.Pin, typed, StringComparison.Ordinal);
    }

    private static async Task ReadUntilAsync(StreamReader output, StringBuilder seen, string marker, CancellationToken cancellationToken)
    {
        var buffer = new char[256];
        while (!seen.ToString().Contains(marker, StringComparison.Ordinal))
        {
            int read = await output.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                Assert.Fail($"The terminal closed before the tool asked for the PIN; it showed: {seen}");
            }

            seen.Append(buffer, 0, read);
        }
    }
}
