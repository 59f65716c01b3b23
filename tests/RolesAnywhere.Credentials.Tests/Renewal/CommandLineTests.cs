using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("openssl x509 -req", new[] { "openssl", "x509", "-req" })]
    [InlineData("  step   ca sign  ", new[] { "step", "ca", "sign" })]
    [InlineData("vault write 'pki/sign/my role' csr=@-", new[] { "vault", "write", "pki/sign/my role", "csr=@-" })]
    [InlineData("sh -c \"echo \\\"hi\\\" | cat\"", new[] { "sh", "-c", "echo \"hi\" | cat" })]
    [InlineData("a\\ b 'c'\"d\"", new[] { "a b", "cd" })]
    [InlineData("echo $HOME *.pem ; rm -rf /", new[] { "echo", "$HOME", "*.pem", ";", "rm", "-rf", "/" })]
    [InlineData("x ''", new[] { "x", "" })]
    public void Split_ShellLikeWords_NoShellExpansion(string line, string[] expected) => Assert.Equal(expected, CommandLine.Split(line));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("openssl 'unterminated")]
    [InlineData("openssl \"unterminated")]
    public void Split_EmptyOrUnterminated_ArgumentException(string line) => Assert.Throws<ArgumentException>(() => CommandLine.Split(line));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("one\ntwo\r\n\nthree", "one | two | three")]
    [InlineData("red\u001b[31m text\u0007", "red\\x1b[31m text\\x07")]
    [InlineData("rtl \u202Eevil", "rtl \\u202eevil")]
    [InlineData("", "(no message)")]
    [InlineData("\n\n", "(no message)")]
    public void PrintableText_ControlCharactersEscapedLinesJoined(string text, string expected) => Assert.Equal(expected, PrintableText.Of(text));

    [Fact]
    public void PrintableText_LongText_Cut() => Assert.Equal(PrintableText.MaxLength + 1, PrintableText.Of(new string('x', 10_000)).Length);
}
