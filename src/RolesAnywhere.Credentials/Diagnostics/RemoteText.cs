using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// Makes text that came from the network (a service or gateway error body, response headers, a transport
/// error quoting the server) safe to put into a message or a log line: line breaks and tabs become spaces, and
/// control characters (ESC, BEL, the C1 range…) and invisible format characters (bidirectional overrides,
/// zero-width characters) are shown escaped by the one terminal escape (<see cref="TerminalText"/>), so the text
/// cannot recolour, move the cursor in or retitle the terminal that shows it, nor hide or reorder what it says. Every place remote text enters a message goes through
/// <see cref="Clean(string?)"/>.
/// </summary>
internal static class RemoteText
{
    /// <summary>Returns <paramref name="text"/> on one line with its control and format characters shown escaped, or <see langword="null"/> for <see langword="null"/>.</summary>
    public static string? Clean(string? text) =>
        text is null ? null : TerminalText.Escape(text.Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' '));
}
