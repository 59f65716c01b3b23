using System.Text;

namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// A shared credentials or config file read line by line with the rules of Python's <c>configparser</c>
/// as botocore and the AWS CLI configure it (<c>RawConfigParser</c>, strict): <c>[name]</c> headers (the
/// name is everything between the first '[' and the last ']', text after the ']' is ignored), keys
/// separated by the first '=' or ':', full-line comments starting with '#' or ';' (none at the end of a
/// line), values continued on deeper-indented lines, blank lines kept inside values, keys lower-cased,
/// and a <c>[DEFAULT]</c> section whose keys every profile inherits. Lines end in LF, CRLF or a lone CR.
/// What botocore refuses (a line before the first header, a line that is none of these, a section or a
/// key given twice) is listed in <see cref="Problems"/>. The lines are kept as written, so a writer can
/// change some and leave every other byte alone.
/// </summary>
internal sealed class IniDocument
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>What Python's <c>str.splitlines</c> breaks on (botocore splits nested values with it).</summary>
    private static readonly char[] PythonLineBreaks = ['\n', '\r', '\v', '\f', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029'];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private IniDocument(bool byteOrderMark, List<IniLine> lines)
    {
        HasByteOrderMark = byteOrderMark;
        Lines = lines;
    }

    /// <summary>True when the text starts with U+FEFF. Kept when written back; botocore refuses such a file.</summary>
    public bool HasByteOrderMark { get; }

    public IReadOnlyList<IniLine> Lines { get; }

    /// <summary>Every header in file order (a repeated one appears twice; so does every <c>[DEFAULT]</c>).</summary>
    public List<IniSection> Sections { get; } = [];

    public List<IniProblem> Problems { get; } = [];

    /// <summary>The line break used first in the file, LF when there is none.</summary>
    public string Newline => Lines.Select(line => line.Ending).FirstOrDefault(ending => ending.Length > 0) ?? "\n";

    /// <summary>Decodes UTF-8 strictly (botocore refuses what does not decode, and a lossy decode would corrupt the file when written back).</summary>
    /// <exception cref="CredentialsFileException">The bytes are not UTF-8.</exception>
    public static IniDocument Parse(ReadOnlySpan<byte> content)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            var hint = content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
                ? " It looks like UTF-16 (as PowerShell's '>' writes): save it as UTF-8."
                : " Save it as UTF-8.";
            throw new CredentialsFileException($"the file is not UTF-8 text (invalid byte at offset {e.Index}); botocore and the AWS CLI cannot read it either.{hint}", e);
        }

        return Parse(text);
    }

    public static IniDocument Parse(string text)
    {
        var byteOrderMark = text.Length > 0 && text[0] == ByteOrderMark;
        var document = new IniDocument(byteOrderMark, SplitLines(byteOrderMark ? text[1..] : text));
        document.Read();
        return document;
    }

    /// <summary>The text, byte-order mark included, exactly as read apart from edits made to <paramref name="lines"/>.</summary>
    public string Render(IEnumerable<IniLine> lines)
    {
        var builder = new StringBuilder();
        if (HasByteOrderMark)
        {
            builder.Append(ByteOrderMark);
        }

        foreach (var line in lines)
        {
            builder.Append(line.Text).Append(line.Ending);
        }

        return builder.ToString();
    }

    /// <summary>Every section's keys and values as written, <c>[DEFAULT]</c> included (all its occurrences merged).</summary>
    public Dictionary<string, Dictionary<string, string>> RawSections()
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var section in Sections)
        {
            if (!sections.TryGetValue(section.Name, out var options))
            {
                sections[section.Name] = options = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var option in section.Options)
            {
                options[option.Key] = option.Value;
            }
        }

        return sections;
    }

    /// <summary>The profiles as botocore's <c>raw_config_parse(path, parse_subsections=False)</c> returns them: every section but <c>[DEFAULT]</c>, each with the defaults it inherits.</summary>
    public Dictionary<string, Dictionary<string, string>> Profiles()
    {
        var raw = RawSections();
        var defaults = raw.GetValueOrDefault(IniSection.DefaultsName) ?? [];
        return raw.Where(pair => pair.Key != IniSection.DefaultsName).ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var merged = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
                foreach (var (key, value) in pair.Value)
                {
                    merged[key] = value;
                }

                return merged;
            },
            StringComparer.Ordinal);
    }

    /// <summary>The name a <c>[...]</c> header line gives its section, or null when the (stripped) line is not a header.</summary>
    public static string? HeaderName(string stripped)
    {
        var close = stripped.LastIndexOf(']');
        return stripped.Length > 0 && stripped[0] == '[' && close >= 2 ? stripped[1..close] : null;
    }

    /// <summary>A key quoted when it looks like a setting's name; anything else might be a misplaced secret.</summary>
    private static string Describe(string key) =>
        key.Length <= 40 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? $"'{key}'" : "a key";

    private static List<IniLine> SplitLines(string text)
    {
        var lines = new List<IniLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n'))
            {
                continue;
            }

            var crlf = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            lines.Add(new IniLine(text[start..i], crlf ? "\r\n" : text[i].ToString()));
            i += crlf ? 1 : 0;
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(new IniLine(text[start..], string.Empty));
        }

        return lines;
    }

    private void Read()
    {
        var firstOfName = new Dictionary<string, IniSection>(StringComparer.Ordinal);
        var keys = new Dictionary<(string Section, string Key), IniOption>();
        IniSection? section = null;
        IniOption? option = null;
        var indentLevel = 0;
        for (var i = 0; i < Lines.Count; i++)
        {
            var line = Lines[i].Text;
            var stripped = IniText.Strip(line);
            var comment = stripped.Length > 0 && stripped[0] is '#' or ';';
            if (stripped.Length == 0 || comment)
            {
                if (!comment)
                {
                    option?.AddBlankLine();
                }

                continue;
            }

            var indent = IniText.Indent(line);
            if (option is not null && indent > indentLevel)
            {
                option.AddContinuation(i, stripped);
                continue;
            }

            indentLevel = indent;
            if (HeaderName(stripped) is { } name)
            {
                section = new IniSection(name, i);
                Sections.Add(section);
                option = null;
                if (name != IniSection.DefaultsName && !firstOfName.TryAdd(name, section))
                {
                    Problems.Add(new IniProblem(i + 1, $"line {i + 1}: profile [{name}] appears a second time (first on line {firstOfName[name].HeaderLine + 1}); botocore and the AWS CLI refuse such a file. Merge the two sections."));
                }

                continue;
            }

            option = null;
            if (section is null)
            {
                Problems.Add(new IniProblem(i + 1, $"line {i + 1}: a setting before the first [profile] header; botocore and the AWS CLI refuse such a file. Put it under a [profile] header or remove it."));
                continue;
            }

            var delimiter = stripped.AsSpan().IndexOfAny('=', ':');
            var key = delimiter < 0 ? string.Empty : IniText.Lower(IniText.StripEnd(stripped[..delimiter]));
            if (key.Length == 0)
            {
                Problems.Add(new IniProblem(i + 1, $"line {i + 1} (in [{section.Name}]) is not 'key = value', a [profile] header, a comment ('#' or ';' first) or an indented continuation; botocore and the AWS CLI refuse such a file. Fix or remove the line."));
                continue;
            }

            option = new IniOption(section, key, i, IniText.Strip(stripped[(delimiter + 1)..]));
            section.Options.Add(option);
            if (!keys.TryAdd((section.Name, key), option))
            {
                Problems.Add(new IniProblem(i + 1, $"line {i + 1}: {Describe(key)} is set a second time in [{section.Name}] (first on line {keys[(section.Name, key)].Line + 1}); botocore and the AWS CLI refuse such a file. Remove one of them.", option));
            }
        }

        // botocore reads a value that starts on the next line as nested "name = value" settings (as in "s3 =")
        // and refuses the whole file when one of its lines has no '='.
        // Only values a profile sees count: a [DEFAULT] value every profile overrides is never parsed.
        var profiles = Sections.Where(s => s.Name != IniSection.DefaultsName).ToList();
        var seen = profiles.SelectMany(s => s.Options).Concat(Sections.Where(s => s.Name == IniSection.DefaultsName).SelectMany(s => s.Options)
            .Where(o => profiles.Any(p => !p.Options.Exists(own => own.Key == o.Key))));
        foreach (var nested in seen.Where(o => o.Value.StartsWith('\n') && o.Value.Split(PythonLineBreaks).Any(l => IniText.Strip(l).Length > 0 && !l.Contains('=', StringComparison.Ordinal))).Distinct())
        {
            Problems.Add(new IniProblem(nested.Line + 1, $"line {nested.Line + 1}: the value of {Describe(nested.Key)} in [{nested.Section.Name}] starts on the next line, so botocore reads it as nested 'name = value' settings, and one of its lines has no '='; botocore and the AWS CLI refuse such a file. Put the value on the key's line."));
        }

        Problems.Sort((a, b) => a.Line.CompareTo(b.Line));
    }
}
