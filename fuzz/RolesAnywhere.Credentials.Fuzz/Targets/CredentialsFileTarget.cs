using RolesAnywhere.Credentials.Tool.Update;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>
/// The shared credentials file reader and writer, as a round trip: parse, write a profile's keys, parse again. A
/// file the reader accepts must be rewritten (never refused), and the rewrite must read back as the same profiles
/// with only that profile's three keys changed; a refused file must be refused with the documented exception.
/// </summary>
internal static class CredentialsFileTarget
{
    public static readonly FuzzTarget Target = new("credentials-file", "IniDocument.Parse + SharedCredentialsFile.Apply (round trip)", Run);

    private static readonly Sessions.SessionCredentials Fresh = new(
        FixedCredentialSource.AccessKeyId, FixedCredentialSource.SecretAccessKey, FixedCredentialSource.SessionToken, DateTimeOffset.UnixEpoch.AddYears(60), DateTimeOffset.UnixEpoch.AddYears(60), accountId: null, assumedRoleArn: null, subjectArn: null);

    private static void Run(byte[] data)
    {
        IniDocument document;
        try
        {
            document = IniDocument.Parse(data);
        }
        catch (CredentialsFileException)
        {
            return; // not UTF-8
        }

        // Write an existing profile as often as a new one, so that rewriting in place is fuzzed as much as appending.
        var existing = document.Sections.Select(section => section.Name).FirstOrDefault(name => name != IniSection.DefaultsName && !name.Contains('\n') && !name.Contains('\r'));
        var profile = data.Length % 2 == 0 && existing is not null ? existing : "ra";
        string written;
        try
        {
            written = SharedCredentialsFile.Apply(document, profile, Fresh);
        }
        catch (CredentialsFileException e)
        {
            // The one refusal of a file the reader accepts: a new profile would inherit a [DEFAULT] value botocore then
            // refuses to parse. Anything else (the writer's own output failing its check above all) is a bug.
            var inheritsDefaults = !document.Sections.Exists(section => section.Name == profile) && document.Sections.Exists(section => section.Name == IniSection.DefaultsName);
            if (document.Problems.Count == 0 && !(inheritsDefaults && e.Message.StartsWith($"[{profile}] cannot be added", StringComparison.Ordinal)))
            {
                throw new FuzzFailure($"a file the reader accepts was refused: {e.Message}");
            }

            return;
        }

        var after = IniDocument.Parse(written);
        if (after.Problems.Count > 0)
        {
            throw new FuzzFailure($"the rewritten file has problems: {after.Problems[0].Message}");
        }

        var expected = document.Profiles();
        var actual = after.Profiles();
        foreach (var (name, options) in expected.Where(pair => pair.Key != profile))
        {
            if (!actual.TryGetValue(name, out var kept) || kept.Count != options.Count || options.Any(option => !kept.TryGetValue(option.Key, out var value) || value != option.Value))
            {
                throw new FuzzFailure($"profile [{name}] changed in the round trip");
            }
        }

        var target = actual[profile];
        if (target[SharedCredentialsFile.AccessKeyIdKey] != Fresh.AccessKeyId || target[SharedCredentialsFile.SecretAccessKeyKey] != Fresh.SecretAccessKey || target[SharedCredentialsFile.SessionTokenKey] != Fresh.SessionToken)
        {
            throw new FuzzFailure($"profile [{profile}] does not hold the written keys");
        }

        if (actual.Count != expected.Count + (expected.ContainsKey(profile) ? 0 : 1))
        {
            throw new FuzzFailure("the round trip added or lost a profile");
        }
    }
}
