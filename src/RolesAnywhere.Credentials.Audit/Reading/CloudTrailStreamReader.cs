using System.Buffers;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Audit.Reading;

/// <summary>
/// Streams the records out of one CloudTrail document without loading it whole: <c>{"Records":[…]}</c> as
/// CloudTrail delivers to S3 (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html),
/// <c>{"Events":[{"CloudTrailEvent":"…"}]}</c> as <c>aws cloudtrail lookup-events</c> prints, or a bare array of records.
/// A buffer is refilled from the stream and a <see cref="Utf8JsonReader"/> resumes on it; each array element is
/// handed over once it is complete, so memory is bounded by the largest single record, not the file.
/// </summary>
internal sealed class CloudTrailStreamReader
{
    private const int InitialBufferSize = 128 * 1024;

    /// <summary>A single record larger than this is refused (CloudTrail records are kilobytes; this bounds memory).</summary>
    private const int MaxRecordSize = 32 * 1024 * 1024;

    private readonly RecordHandler _handler;
    private JsonReaderState _state;
    private Phase _phase;
    private bool _wrapped;
    private bool _rootIsArray;
    private long _absoluteOffset;

    public CloudTrailStreamReader(RecordHandler handler)
    {
        _handler = handler;
    }

    private enum Phase
    {
        Root,
        RootObject,
        ExpectArray,
        SkipValue,
        Array,
        Done,
    }

    /// <summary>Number of array elements handed to the handler.</summary>
    public long Elements { get; private set; }

    /// <summary>Array elements that were not objects (counted as malformed records).</summary>
    public long NonObjectElements { get; private set; }

    /// <summary>Whether a <c>Records</c> or <c>Events</c> array (or a root array) was found.</summary>
    public bool FoundRecords { get; private set; }

    /// <summary>Whether the stream ended before its first byte.</summary>
    public bool Empty { get; private set; }

    /// <summary>Whether any byte was read (a failure after that is a document read in part).</summary>
    public bool Started { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <exception cref="JsonException">The document is not valid JSON (the message gives the byte offset).</exception>
    /// <exception cref="InvalidDataException">A record is larger than 32 MiB.</exception>
    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxRecordSize)
                    {
                        throw new InvalidDataException($"a single record at byte {_absoluteOffset} is larger than {MaxRecordSize / (1024 * 1024)} MiB");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                var final = read == 0;
                filled += read;
                Started |= read > 0;
                if (final && !Started)
                {
                    Empty = true;
                    return;
                }

                var consumed = Process(buffer.AsSpan(0, filled), final);
                _absoluteOffset += consumed;
                filled -= consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);
                if (final)
                {
                    if (_phase != Phase.Done && _phase != Phase.Root)
                    {
                        throw new JsonException($"the document ends early (truncated?) at byte {_absoluteOffset + filled}");
                    }

                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int Process(ReadOnlySpan<byte> data, bool final)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        try
        {
            while (true)
            {
                var before = reader.CurrentState;
                var beforeConsumed = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    break;
                }

                if (!Step(ref reader, data))
                {
                    // The value is not complete in this buffer: give it back and wait for more bytes.
                    _state = before;
                    return beforeConsumed;
                }
            }
        }
        catch (JsonException e) when (final)
        {
            throw new JsonException($"the document is invalid or ends early (truncated?) after byte {_absoluteOffset}: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new JsonException($"invalid JSON after byte {_absoluteOffset}: {e.Message}", e);
        }

        _state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        switch (_phase)
        {
            case Phase.Root:
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    _phase = Phase.RootObject;
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    _rootIsArray = true;
                    FoundRecords = true;
                    _phase = Phase.Array;
                }
                else
                {
                    throw new JsonException("the document is neither a JSON object nor an array");
                }

                return true;

            case Phase.RootObject:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    _phase = Phase.Done;
                }
                else if (reader.ValueTextEquals("Records"u8) || reader.ValueTextEquals("Events"u8))
                {
                    _wrapped = reader.ValueTextEquals("Events"u8);
                    _phase = Phase.ExpectArray;
                }
                else
                {
                    _phase = Phase.SkipValue;
                }

                return true;

            case Phase.ExpectArray:
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    FoundRecords = true;
                    _phase = Phase.Array;
                    return true;
                }

                return SkipThenBackTo(ref reader, Phase.RootObject);

            case Phase.SkipValue:
                return SkipThenBackTo(ref reader, Phase.RootObject);

            case Phase.Array:
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = _rootIsArray ? Phase.Done : Phase.RootObject;
                    return true;
                }

                var start = (int)reader.TokenStartIndex;
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                if (!reader.TrySkip())
                {
                    return false;
                }

                Elements++;
                if (isObject)
                {
                    _handler(data[start..(int)reader.BytesConsumed], _wrapped);
                }
                else
                {
                    NonObjectElements++;
                }

                return true;

            default:
                throw new JsonException("unexpected content after the end of the document");
        }
    }

    private bool SkipThenBackTo(ref Utf8JsonReader reader, Phase next)
    {
        if (!reader.TrySkip())
        {
            return false;
        }

        _phase = next;
        return true;
    }
}
