using System.Text;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.IO;

namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// Writes one profile's keys into the shared credentials file (<c>AWS_SHARED_CREDENTIALS_FILE</c> or
/// <c>~/.aws/credentials</c>), keeping every other profile, key and comment as it was. Writers take a
/// lock file next to it, the new content replaces the old atomically, and the file is left 0600.
/// </summary>
internal static class SharedCredentialsFile
{
    public const string AccessKeyIdKey = "aws_access_key_id";
    public const string SecretAccessKeyKey = "aws_secret_access_key";
    public const string SessionTokenKey = "aws_session_token";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws", "credentials");

    public static async Task WriteAsync(string path, string profile, SessionCredentials credentials, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        OwnerOnlyFile.EnsureDirectory(directory);
        using (await FileLock.AcquireAsync(path + ".rolesanywhere.lock", LockTimeout, cancellationToken).ConfigureAwait(false))
        {
            var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;
            var updated = Apply(existing, profile, credentials);
            OwnerOnlyFile.WriteAtomically(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(updated));
        }
    }

    /// <summary>The file's text with <paramref name="profile"/>'s three keys set; everything else is kept verbatim.</summary>
    public static string Apply(string existing, string profile, SessionCredentials credentials)
    {
        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = existing.Length == 0 ? [] : existing.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AccessKeyIdKey] = credentials.AccessKeyId,
            [SecretAccessKeyKey] = credentials.SecretAccessKey,
            [SessionTokenKey] = credentials.SessionToken,
        };

        var start = lines.FindIndex(line => SectionName(line) == profile);
        if (start < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
            {
                lines.Add(string.Empty);
            }

            lines.Add($"[{profile}]");
            lines.AddRange(values.Select(pair => $"{pair.Key} = {pair.Value}"));
            return string.Join(newline, lines) + newline;
        }

        var end = lines.FindIndex(start + 1, line => SectionName(line) is not null);
        end = end < 0 ? lines.Count : end;
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start + 1; i < end; i++)
        {
            var key = KeyName(lines[i]);
            if (key is null || !values.TryGetValue(key, out var value))
            {
                continue;
            }

            if (written.Add(key))
            {
                lines[i] = $"{key} = {value}";
            }
            else
            {
                lines.RemoveAt(i--);
                end--;
            }
        }

        var insertAt = end;
        while (insertAt > start + 1 && lines[insertAt - 1].Trim().Length == 0)
        {
            insertAt--;
        }

        lines.InsertRange(insertAt, values.Where(pair => written.Add(pair.Key)).Select(pair => $"{pair.Key} = {pair.Value}"));
        return string.Join(newline, lines) + newline;
    }

    private static string? SectionName(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '[' && trimmed[^1] == ']' ? trimmed[1..^1].Trim() : null;
    }

    private static string? KeyName(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
        {
            return null;
        }

        var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? trimmed[..equals].Trim().ToLowerInvariant() : null;
    }
}
