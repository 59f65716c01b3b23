using System.Text;
using RolesAnywhere.Credentials.Sessions;
using RolesAnywhere.Credentials.Tool.Tests.Support;
using RolesAnywhere.Credentials.Tool.Update;

namespace RolesAnywhere.Credentials.Tool.Tests.Update;

/// <summary>
/// The credentials file reader and writer judged by the real botocore: for every corpus file (and for hundreds of
/// generated ones) our reading equals botocore's (same profiles, or both refuse), and what <c>update</c> writes
/// reads back in botocore as the same profiles with only the three keys of the written profile changed.
/// </summary>
public sealed class SharedCredentialsFileBotocoreTests : IClassFixture<SharedCredentialsFileBotocoreTests.Corpus>
{
    private static readonly SessionCredentials Fresh = new("ASIANEW", "new/secret+key", "new-token==", DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow, accountId: null, assumedRoleArn: null, subjectArn: null);

    private readonly Corpus corpus;

    public SharedCredentialsFileBotocoreTests(Corpus corpus) => this.corpus = corpus;

    public static TheoryData<string> Names => [.. CredentialsFileCorpus.All.Select(entry => entry.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Corpus_OurReadingMatchesBotocoreAndOutputReadsBack(string name)
    {
        var outcome = (await corpus.Outcomes.Value)[name];
        var entry = outcome.Entry;

        // The reader: the same profiles as botocore, or a refusal where botocore refuses.
        var ours = IniDocument.Parse(entry.Text);
        var botocoreInput = outcome.Input;
        if (entry.ReadableVariant is null)
        {
            Assert.True(ours.Problems.Count == 0 == (botocoreInput.Profiles is not null), $"ours: {string.Join("; ", ours.Problems)}; botocore: {botocoreInput.Error}");
            Assert.Equal(BotocoreResult.Describe(botocoreInput.Profiles), BotocoreResult.Describe(ours.Problems.Count == 0 ? ours.Profiles() : null));
        }

        // The writer: refuses what must be refused, otherwise botocore reads back the old profiles with three keys set.
        if (entry.Refused)
        {
            Assert.NotNull(outcome.Refusal);
            Assert.Null(botocoreInput.Profiles);
            return;
        }

        Assert.Null(outcome.Refusal);
        var expected = (entry.ReadableVariant is null ? botocoreInput : outcome.Variant!).Profiles;
        Assert.NotNull(expected);
        var defaults = IniDocument.Parse(entry.ReadableVariant ?? entry.Text).RawSections().GetValueOrDefault("DEFAULT");
        if (!expected.TryGetValue(entry.Profile, out var profile))
        {
            expected[entry.Profile] = profile = new Dictionary<string, string>(defaults ?? [], StringComparer.Ordinal);
        }

        profile[SharedCredentialsFile.AccessKeyIdKey] = Fresh.AccessKeyId;
        profile[SharedCredentialsFile.SecretAccessKeyKey] = Fresh.SecretAccessKey;
        profile[SharedCredentialsFile.SessionTokenKey] = Fresh.SessionToken;
        Assert.Equal(BotocoreResult.Describe(expected), BotocoreResult.Describe(outcome.Output!.Profiles));
        Assert.Equal(entry.Text.StartsWith('\uFEFF'), outcome.Written!.StartsWith('\uFEFF'));
    }

    [Fact]
    public async Task GeneratedFiles_ReaderAgreesWithBotocoreAndWriterOutputReadsBack()
    {
        const int Count = 1000;
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("CREDENTIALS_FILE_SEED"), out var seed) ? seed : 20261130);
        var files = Enumerable.Range(0, Count).Select(_ => Generate(random)).ToList();
        var paths = new List<string>();
        var outputs = new string?[Count];
        var refusals = new string?[Count];
        for (var i = 0; i < Count; i++)
        {
            paths.Add(corpus.Write($"generated-{i}.in", files[i]));
            try
            {
                outputs[i] = SharedCredentialsFile.Apply(files[i], "ra", Fresh);
                paths.Add(corpus.Write($"generated-{i}.out", outputs[i]!));
            }
            catch (CredentialsFileException e)
            {
                refusals[i] = e.Message;
            }
        }

        var results = await BotocoreConfigParser.ParseAsync(paths, corpus.Directory.Path);
        var next = 0;
        var readable = 0;
        for (var i = 0; i < Count; i++)
        {
            var input = results[next++];
            var ours = IniDocument.Parse(files[i]);
            var shown = Show(files[i]);
            Assert.True(ours.Problems.Count == 0 == (input.Profiles is not null), $"file {i}:\n{shown}\nours: {string.Join("; ", ours.Problems)}\nbotocore: {input.Error}");
            if (input.Profiles is null)
            {
                // Only a duplicate of one of the written keys is repaired; the repaired file must be readable.
                if (outputs[i] is not null)
                {
                    var repaired = results[next++];
                    Assert.True(repaired.Profiles is not null, $"file {i}: botocore refuses the repaired output: {repaired.Error}\n{shown}");
                }

                continue;
            }

            readable++;
            Assert.Equal(BotocoreResult.Describe(input.Profiles), BotocoreResult.Describe(ours.Profiles()));
            Assert.True(outputs[i] is not null, $"file {i} is readable by botocore but was refused ({refusals[i]}):\n{shown}");
            var output = results[next++];
            Assert.True(output.Profiles is not null, $"file {i}: botocore refuses the output: {output.Error}\n{outputs[i]}");
            Assert.Equal(Fresh.SessionToken, output.Profiles["ra"][SharedCredentialsFile.SessionTokenKey]);
            foreach (var (name, options) in input.Profiles.Where(p => p.Key != "ra"))
            {
                Assert.Equal(BotocoreResult.Describe(new() { [name] = options }), BotocoreResult.Describe(new() { [name] = output.Profiles[name] }));
            }
        }

        // The generator must exercise both sides: enough files botocore reads, enough it refuses.
        Assert.InRange(readable, Count / 5, Count * 4 / 5);
    }

    private static string Show(string text) =>
        string.Concat(text.Select(c => c == '\n' ? "\\n\n" : c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));

    private static string Generate(Random random)
    {
        string[] headers = ["[ra]", "[default]", "[ ra ]", "[DEFAULT]", "[p1] # note", "[a]b]", "[]", "[ra", "[other]"];
        string[] keys = ["aws_access_key_id", "AWS_Session_Token", "aws_secret_access_key", "region", "x", "a b", string.Empty, "AWS_ACCESS_KEY_\u0130D", "s3"];
        string[] delimiters = ["=", ":", " = ", ": ", "=:", " :="];
        string[] values = [string.Empty, "v", "v ; c", "# x", " spaced  ", "a=b", "ünï"];
        string[] indents = [string.Empty, string.Empty, string.Empty, " ", "  ", "\t", "\u00A0", "\u001C", "\f"];
        string[] others = ["# c", "; c", string.Empty, "  ", "\t", "junk", "=x"];
        string[] breaks = ["\n", "\n", "\r\n", "\r"];
        var builder = new StringBuilder();
        if (random.Next(4) > 0)
        {
            builder.Append(headers[random.Next(2)]).Append('\n');
        }

        var lines = random.Next(0, 12);
        for (var i = 0; i < lines; i++)
        {
            builder.Append(indents[random.Next(indents.Length)]);
            var kind = random.Next(10);
            builder.Append(kind switch
            {
                0 => headers[random.Next(headers.Length)],
                < 3 => others[random.Next(others.Length)],
                _ => keys[random.Next(keys.Length)] + delimiters[random.Next(delimiters.Length)] + values[random.Next(values.Length)],
            });
            if (i < lines - 1 || random.Next(5) > 0)
            {
                builder.Append(breaks[random.Next(breaks.Length)]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Every corpus file, its rewrite, and botocore's reading of both (one python run for the class).</summary>
    public sealed class Corpus : IDisposable
    {
        public Corpus() => Outcomes = new(ComputeAsync);

        internal TempDirectory Directory { get; } = new();

        internal Lazy<Task<Dictionary<string, CorpusOutcome>>> Outcomes { get; }

        internal string Write(string name, string text)
        {
            var path = Directory.File(name);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return path;
        }

        public void Dispose() => Directory.Dispose();

        private async Task<Dictionary<string, CorpusOutcome>> ComputeAsync()
        {
            var paths = new List<string>();
            var pending = new List<(CredentialsFileCorpus Entry, string? Written, string? Refusal)>();
            foreach (var entry in CredentialsFileCorpus.All)
            {
                paths.Add(Write(entry.Name + ".in", entry.Text));
                paths.Add(Write(entry.Name + ".variant", entry.ReadableVariant ?? entry.Text));
                string? written = null, refusal = null;
                try
                {
                    written = SharedCredentialsFile.Apply(entry.Text, entry.Profile, Fresh);
                }
                catch (CredentialsFileException e)
                {
                    refusal = e.Message;
                }

                // botocore cannot read a byte-order mark: it reads the rest of what we wrote.
                paths.Add(Write(entry.Name + ".out", (written ?? string.Empty).TrimStart('\uFEFF')));
                pending.Add((entry, written, refusal));
            }

            var results = await BotocoreConfigParser.ParseAsync(paths, Directory.Path);
            return pending.Select((p, i) => new CorpusOutcome(p.Entry, results[3 * i], results[(3 * i) + 1], p.Written, p.Refusal, p.Written is null ? null : results[(3 * i) + 2]))
                .ToDictionary(outcome => outcome.Entry.Name);
        }
    }

    internal sealed record CorpusOutcome(CredentialsFileCorpus Entry, BotocoreResult Input, BotocoreResult? Variant, string? Written, string? Refusal, BotocoreResult? Output);
}
