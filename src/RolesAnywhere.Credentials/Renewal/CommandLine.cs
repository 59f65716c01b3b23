using System.Text;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Splits a command line into a program and its arguments the way a POSIX shell splits words, without running a
/// shell: blanks separate words, <c>'…'</c> keeps everything literally, <c>"…"</c> keeps everything but <c>\"</c> and
/// <c>\\</c>, and <c>\</c> outside quotes escapes the next character. Nothing else is special: no variables, globs,
/// pipes or redirections.
/// </summary>
internal static class CommandLine
{
    /// <exception cref="ArgumentException">The line is empty or has an unterminated quote.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw Unterminated('\'');
                    }

                    word.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(commandLine, i + 1, word);
                    inWord = true;
                    break;
                case '\\' when i + 1 < commandLine.Length:
                    word.Append(commandLine[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        if (words.Count == 0)
        {
            throw new ArgumentException("The issuer command is empty; give the program to run and its arguments.", nameof(commandLine));
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
            {
                c = line[++i];
            }

            word.Append(c);
        }

        throw Unterminated('"');
    }

    private static ArgumentException Unterminated(char quote) =>
        new($"The issuer command has an unterminated {quote} quote.");
}
