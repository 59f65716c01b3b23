using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Reading;
using RolesAnywhere.Credentials.Audit.Tests.Support;

namespace RolesAnywhere.Credentials.Audit.Tests.Reading;

public sealed class CloudTrailStreamReaderTests
{
    private static readonly byte[] Incident = File.ReadAllBytes(Scenario.IncidentPath);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task ReadAsync_DocumentArrivingInPieces_SameRecordsAsWhole(int bytesPerRead)
    {
        var whole = await ReadAllAsync(new MemoryStream(Incident));
        var pieces = await ReadAllAsync(new TrickleStream(Incident, bytesPerRead));
        Assert.Equal(22, whole.Count);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public async Task ReadAsync_RecordLargerThanTheBuffer_ReadWhole()
    {
        var big = new string('x', 700 * 1024);
        var json = Encoding.UTF8.GetBytes($$$"""{"Records":[{"eventName":"A","pad":"{{{big}}}"},{"eventName":"B"}],"trailing":{"x":[1,2]}}""");
        var records = await ReadAllAsync(new TrickleStream(json, 100_000));
        Assert.Equal(2, records.Count);
        Assert.Contains(big, records[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_LookupEventsOutput_ElementsMarkedWrapped()
    {
        var wrapped = new List<bool>();
        var reader = new CloudTrailStreamReader((json, isWrapped) => wrapped.Add(isWrapped));
        await reader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("""{"Events":[{"EventId":"1","CloudTrailEvent":"{}"}],"NextToken":"abc"}""")), CancellationToken.None);
        Assert.Equal([true], wrapped);
    }

    [Fact]
    public async Task ReadAsync_RootArrayOfRecords_Read()
    {
        var records = await ReadAllAsync(new MemoryStream("""[{"eventName":"A"},{"eventName":"B"}]"""u8.ToArray()));
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public async Task ReadAsync_DigestFile_NoRecordsFound()
    {
        var reader = new CloudTrailStreamReader((_, _) => Assert.Fail("a digest has no records"));
        await reader.ReadAsync(new MemoryStream("""{"awsAccountId":"111122223333","logFiles":[{"s3Object":"x"}]}"""u8.ToArray()), CancellationToken.None);
        Assert.False(reader.FoundRecords);
    }

    [Fact]
    public async Task ReadAsync_TruncatedDocument_RecordsBeforeReadThenJsonException()
    {
        var truncated = Incident[..(Incident.Length / 2)];
        var seen = 0;
        var reader = new CloudTrailStreamReader((_, _) => seen++);
        var error = await Assert.ThrowsAsync<JsonException>(() => reader.ReadAsync(new MemoryStream(truncated), CancellationToken.None));
        Assert.Contains("ends early", error.Message, StringComparison.Ordinal);
        Assert.InRange(seen, 5, 15);
    }

    [Fact]
    public async Task ReadAsync_NotJson_JsonException()
    {
        var reader = new CloudTrailStreamReader((_, _) => { });
        await Assert.ThrowsAsync<JsonException>(() => reader.ReadAsync(new MemoryStream("PK\u0003\u0004 zip?"u8.ToArray()), CancellationToken.None));
    }

    private static async Task<List<string>> ReadAllAsync(Stream stream)
    {
        var records = new List<string>();
        var reader = new CloudTrailStreamReader((json, _) => records.Add(Encoding.UTF8.GetString(json)));
        await reader.ReadAsync(stream, CancellationToken.None);
        return records;
    }
}
