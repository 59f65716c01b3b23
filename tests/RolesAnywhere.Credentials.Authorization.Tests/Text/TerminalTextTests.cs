using System.Globalization;
using System.Text;
using CsCheck;
using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Authorization.Tests.Text;

/// <summary>The one terminal escape: nothing that can drive a terminal or hide text gets through, and what was there stays visible.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("CN=\u001b[2J\u001b]0;owned\u0007db", "CN=\\x1b[2J\\x1b]0;owned\\x07db")]
    [InlineData("a\u202Eb", "a\\u202eb")]
    [InlineData("line1\nline2\r\t", "line1\\nline2\\r\\t")]
    [InlineData("\u009b31m", "\\x9b31m")]
    [InlineData("zero\u200Bwidth", "zero\\u200bwidth")]
    [InlineData("plain é 日本 🙂", "plain é 日本 🙂")]
    public void Escape_MakesControlAndFormatCharactersVisible(string input, string expected)
    {
        Assert.Equal(expected, TerminalText.Escape(input));
    }

    [Fact]
    public void Escape_LoneSurrogate_IsShownAsItsCode()
    {
        Assert.Equal("lone \\ud800 surrogate", TerminalText.Escape("lone " + (char)0xD800 + " surrogate"));
    }

    [Fact]
    public void EscapeLines_KeepsLineFeedsOnly()
    {
        Assert.Equal("first \\x1b[31m\nsecond\\r", TerminalText.EscapeLines("first \u001b[31m\nsecond\r"));
    }

    [Fact]
    public void Escape_AnyString_LeavesNoControlFormatOrLoneSurrogate_AndDropsNothing()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Gen.String[Gen.Char, 0, 64].Sample(text =>
        {
            var escaped = TerminalText.Escape(text)!;
            _ = strict.GetBytes(escaped); // throws on a lone surrogate
            Assert.DoesNotContain(escaped.EnumerateRunes(), r => Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format);

            // Every printable rune of the input is still there, in order (escapes only add).
            var output = escaped.EnumerateRunes().GetEnumerator();
            foreach (var rune in text.EnumerateRunes().Where(r => r != Rune.ReplacementChar && Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format)))
            {
                var found = false;
                while (!found && output.MoveNext())
                {
                    found = output.Current == rune;
                }

                Assert.True(found, $"'{rune}' of {text} missing from {escaped}");
            }
        }, iter: 2000);
    }
}
