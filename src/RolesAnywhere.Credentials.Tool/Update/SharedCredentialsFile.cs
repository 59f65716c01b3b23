using System.Text;
using RolesAnywhere.Credentials.Interop;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// Writes one profile's keys into the shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c> or
/// <c>~/.aws/credentials</c>), keeping every other profile, key, comment and byte as it was. The file is read
/// as botocore reads it (<see cref="IniDocument"/>); a file botocore would refuse is refused (left untouched,
/// the error names the line), and the new text is read back and compared before it replaces the old one.
/// Writers take a lock file next to it; the new content replaces the old atomically. A symbolic link is
/// followed to the file it names (<see cref="CredentialsFileLocation"/>); the replaced file keeps its owner and
/// group (so a root run leaves a user's file theirs) and its owner's permissions, and loses any access by group
/// or others (a new file is 0600).
/// </summary>
internal static class SharedCredentialsFile
{
    public const string AccessKeyIdKey = "aws_access_key_id";
    public const string SecretAccessKeyKey = "aws_secret_access_key";
    public const string SessionTokenKey = "aws_session_token";

    /// <summary>Bits a rewritten file keeps: the owner's only (secrets are never left readable by the group or others).</summary>
    private const UnixFileMode KeptMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");

    /// <exception cref="CredentialsFileException">The file cannot be rewritten safely; it was left as it was.</exception>
    public static async Task WriteAsync(string path, string profile, SessionCredentials credentials, CancellationToken cancellationToken)
    {
        OwnerOnlyFile.EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var location = Resolve(path);
        using (await FileLock.AcquireAsync(location.Path + ".rolesanywhere.lock", LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            // Resolved again under the lock: another writer may have created the file meanwhile.
            location = Resolve(path);
            var existing = location.Exists ? await File.ReadAllBytesAsync(location.Path, cancellationToken).ConfigureAwait(false) : [];
            string updated;
            try
            {
                updated = Apply(IniDocument.Parse(existing), profile, credentials);
            }
            catch (CredentialsFileException e)
            {
                throw new CredentialsFileException($"'{location.Path}' was left unchanged: {e.Message}", e);
            }

            var mode = location.Exists && !OperatingSystem.IsWindows() ? File.GetUnixFileMode(location.Path) & KeptMode : OwnerOnlyFile.FileMode;
            OwnerOnlyFile.WriteAtomically(location.Path, Encoding.UTF8.GetBytes(updated), file => KeepOwnerAndMode(file, location, mode));
        }
    }

    /// <summary>The file's text with <paramref name="profile"/>'s three keys set; everything else is kept verbatim.</summary>
    /// <exception cref="CredentialsFileException">botocore would refuse the file, or the profile cannot be written.</exception>
    public static string Apply(string existing, string profile, SessionCredentials credentials) =>
        Apply(IniDocument.Parse(existing), profile, credentials);

    /// <inheritdoc cref="Apply(string, string, SessionCredentials)"/>
    public static string Apply(IniDocument document, string profile, SessionCredentials credentials)
    {
        if (profile == IniSection.DefaultsName)
        {
            throw new CredentialsFileException($"[{IniSection.DefaultsName}] is not a profile: botocore and the AWS CLI give its keys to every profile. Choose another profile name.");
        }

        var values = new (string Key, string Value)[]
        {
            (AccessKeyIdKey, credentials.AccessKeyId),
            (SecretAccessKeyKey, credentials.SecretAccessKey),
            (SessionTokenKey, credentials.SessionToken),
        };
        var target = document.Sections.Find(section => section.Name == profile);
        if (document.Problems.Find(problem => problem.Duplicate is not { } duplicate || duplicate.Section != target || !values.Any(pair => pair.Key == duplicate.Key)) is { } refused)
        {
            throw new CredentialsFileException(refused.Message);
        }

        var text = target is null ? Append(document, profile, values) : Rewrite(document, target, values);
        Verify(document, text, profile, values);
        return text;
    }

    private static string Append(IniDocument document, string profile, (string Key, string Value)[] values)
    {
        var newline = document.Newline;
        var lines = document.Lines.ToList();
        if (lines.Count > 0 && lines[^1].Ending.Length == 0)
        {
            lines[^1] = lines[^1] with { Ending = newline };
        }

        if (lines.Count > 0 && IniText.Strip(lines[^1].Text).Length > 0)
        {
            lines.Add(new IniLine(string.Empty, newline));
        }

        lines.Add(new IniLine($"[{profile}]", newline));
        lines.AddRange(values.Select(pair => new IniLine($"{pair.Key} = {pair.Value}", newline)));
        return document.Render(lines);
    }

    private static string Rewrite(IniDocument document, IniSection target, (string Key, string Value)[] values)
    {
        var replaced = new Dictionary<int, IniLine>();
        var removed = new HashSet<int>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in target.Options)
        {
            if (!values.Any(pair => pair.Key == option.Key))
            {
                continue;
            }

            // The key keeps its line's indentation, so the lines after it keep their relation to it.
            if (written.Add(option.Key))
            {
                var line = document.Lines[option.Line];
                replaced[option.Line] = line with { Text = line.Text[..IniText.Indent(line.Text)] + $"{option.Key} = {values.First(pair => pair.Key == option.Key).Value}" };
            }
            else
            {
                removed.Add(option.Line);
            }

            removed.UnionWith(option.ContinuationLines);
        }

        var missing = values.Where(pair => !written.Contains(pair.Key)).ToList();
        var anchor = Enumerable.Range(target.HeaderLine, target.LastLine - target.HeaderLine + 1).Last(i => !removed.Contains(i));

        // A new line must not be deeper than the next header (or it would make that header a continuation line).
        var next = Enumerable.Range(anchor + 1, document.Lines.Count - anchor - 1).Where(i => !removed.Contains(i)).Select(i => document.Lines[i].Text)
            .FirstOrDefault(line => IniText.Strip(line) is { Length: > 0 } stripped && stripped[0] is not ('#' or ';'));
        var indent = next is null ? string.Empty : next[..IniText.Indent(next)];

        var newline = document.Newline;
        var lines = new List<IniLine>(document.Lines.Count + missing.Count);
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (removed.Contains(i))
            {
                continue;
            }

            var line = replaced.GetValueOrDefault(i, document.Lines[i]);
            if (i != anchor || missing.Count == 0)
            {
                lines.Add(line);
                continue;
            }

            lines.Add(line.Ending.Length == 0 ? line with { Ending = newline } : line);
            lines.AddRange(missing.Select((pair, n) => new IniLine(
                $"{indent}{pair.Key} = {pair.Value}",
                n == missing.Count - 1 && line.Ending.Length == 0 ? string.Empty : newline)));
        }

        return document.Render(lines);
    }

    /// <summary>Reads the new text back: botocore must see exactly the old sections with the profile's three keys set.</summary>
    private static void Verify(IniDocument before, string text, string profile, (string Key, string Value)[] values)
    {
        var expected = before.RawSections();
        if (!expected.TryGetValue(profile, out var section))
        {
            expected[profile] = section = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var (key, value) in values)
        {
            section[key] = value;
        }

        var after = IniDocument.Parse(text);
        if (after.Problems.Count > 0 && !before.Sections.Exists(existing => existing.Name == profile))
        {
            // A new profile inherits every [DEFAULT] value, and botocore parses the nested ones a profile sees: a file it
            // reads can become one it refuses (found by fuzzing). Appending leaves the lines before the new section where
            // they were, so the line named is the file's own.
            throw new CredentialsFileException($"[{profile}] cannot be added: it would inherit [{IniSection.DefaultsName}]'s values, and then botocore and the AWS CLI would refuse the whole file ({after.Problems[0].Message}); nothing was written.");
        }

        var actual = after.RawSections();
        if (after.Problems.Count > 0 || actual.Count != expected.Count || !expected.All(pair =>
            actual.TryGetValue(pair.Key, out var options) && options.Count == pair.Value.Count && pair.Value.All(option => options.TryGetValue(option.Key, out var v) && v == option.Value)))
        {
            throw new CredentialsFileException($"the rewritten file would not read back as expected (profile [{profile}]); nothing was written. Please report this with the file's layout (not its keys).");
        }
    }

    private static CredentialsFileLocation Resolve(string path)
    {
        try
        {
            return CredentialsFileLocation.Resolve(path);
        }
        catch (CredentialsFileException e)
        {
            throw new CredentialsFileException($"'{path}' was left unchanged: {e.Message}", e);
        }
    }

    private static void KeepOwnerAndMode(Microsoft.Win32.SafeHandles.SafeFileHandle file, CredentialsFileLocation location, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(file, mode);
        if (location.Status is { } status)
        {
            try
            {
                UnixFile.SetOwner(file, status.OwnerId, status.GroupId);
            }
            catch (IOException e)
            {
                throw new CredentialsFileException($"'{location.Path}' was left unchanged: it belongs to {status.OwnerId}:{status.GroupId} and the new file could not keep that owner ({e.Message}). Run update as that user.", e);
            }
        }
    }
}
