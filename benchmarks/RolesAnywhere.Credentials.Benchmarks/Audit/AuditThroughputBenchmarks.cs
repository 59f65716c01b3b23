using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RolesAnywhere.Credentials.Audit;
using RolesAnywhere.Credentials.Audit.Settings;

namespace RolesAnywhere.Credentials.Benchmarks.Audit;

/// <summary>
/// How fast <c>rolesanywhere audit</c> gets through a <c>.json.gz</c> CloudTrail file, against the floor for any
/// streaming reader of the same bytes: gunzip plus a <see cref="Utf8JsonReader"/> walk over every token.
/// One operation is one file of <see cref="Records"/> records; events/s = Records / mean.
/// </summary>
[MemoryDiagnoser]
public class AuditThroughputBenchmarks
{
    private byte[] _gzip = null!;
    private string _path = null!;
    private AuditOptions _options = null!;

    [Params(100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _gzip = SyntheticTrail.Gzip(Records);
        _path = Path.Combine(Path.GetTempPath(), $"audit-benchmark-{Environment.ProcessId}.json.gz");
        File.WriteAllBytes(_path, _gzip);
        _options = new AuditOptions
        {
            Inputs = [_path],
            AllowedNetworks = AllowedNetworks.Parse("203.0.113.0/24"),
            KnownSerials = KnownSerials.Parse("0x1a2b00\n", "known"),
            BusinessHours = BusinessHours.Parse("08:00-18:00", "Europe/Berlin"),
        };
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long GunzipAndJsonTokens()
    {
        using var gzip = new GZipStream(new MemoryStream(_gzip), CompressionMode.Decompress);
        var buffer = new byte[128 * 1024];
        var state = default(JsonReaderState);
        var filled = 0;
        long tokens = 0;
        while (true)
        {
            var read = gzip.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), read == 0, state);
            while (reader.Read())
            {
                tokens++;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
            if (read == 0)
            {
                return tokens;
            }
        }
    }

    [Benchmark]
    public async Task<int> Audit()
    {
        var result = await AuditRunner.RunAsync(_options, Stream.Null, progress: null, CancellationToken.None).ConfigureAwait(false);
        return result.Findings.Count;
    }
}
