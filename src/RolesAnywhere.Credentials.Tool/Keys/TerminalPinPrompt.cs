using System.Text;

namespace RolesAnywhere.Credentials.Tool.Keys;

/// <summary>
/// Asks for a PKCS#11 PIN on the terminal, as the official helper does when the URI has no
/// <c>pin-value</c>: only when standard input is a terminal, never echoing what is typed. The question goes
/// to the controlling terminal, so it is seen even when stderr is captured (the AWS CLI captures a
/// <c>credential_process</c>'s stderr but leaves its standard input on the terminal).
/// </summary>
internal static class TerminalPinPrompt
{
    private const string ControllingTerminal = "/dev/tty";

    /// <summary>The prompt when standard input is a terminal, else <see langword="null"/> (nobody could answer: the token reports the missing PIN).</summary>
    public static Func<string, string?>? IfInteractive() => Console.IsInputRedirected ? null : Ask;

    private static string? Ask(string tokenLabel)
    {
        Say($"rolesanywhere: PIN for token '{tokenLabel}': ");
        var pin = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key is ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key is ConsoleKey.Backspace)
            {
                pin.Length = Math.Max(0, pin.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                pin.Append(key.KeyChar);
            }
        }

        Say(Environment.NewLine);
        return pin.Length == 0 ? null : pin.ToString();
    }

    private static void Say(string text)
    {
        if (!OperatingSystem.IsWindows() && Console.IsErrorRedirected)
        {
            try
            {
                using var terminal = new StreamWriter(ControllingTerminal, append: true);
                terminal.Write(text);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No controlling terminal: fall back to stderr.
            }
        }

        Console.Error.Write(text);
        Console.Error.Flush();
    }
}
