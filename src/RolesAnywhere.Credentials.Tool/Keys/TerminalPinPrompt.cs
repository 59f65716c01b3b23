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
        // Echo goes off before the question is shown: a PIN typed (or pasted) at once must not appear either.
        using (var quiet = TerminalEcho.TryTurnOff())
        {
            if (quiet is not null)
            {
                Say($"rolesanywhere: PIN for token '{tokenLabel}': ");
                var line = ReadLine();
                Say(Environment.NewLine);
                return line.Length == 0 ? null : line;
            }
        }

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

    /// <summary>One line from standard input, read straight from the descriptor (the terminal edits the line; .NET's console reader would echo it).</summary>
    private static string ReadLine()
    {
        using var input = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 1);
        var bytes = new List<byte>();
        int next;
        while ((next = input.ReadByte()) >= 0 && next is not ('\n' or '\r'))
        {
            bytes.Add((byte)next);
        }

        return Encoding.UTF8.GetString([.. bytes]);
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
