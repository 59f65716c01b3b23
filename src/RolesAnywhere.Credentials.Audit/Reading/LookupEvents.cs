using System.Text.Json;

namespace RolesAnywhere.Credentials.Audit.Reading;

/// <summary>
/// Unwraps an element of <c>aws cloudtrail lookup-events</c> output: the record is the JSON text in its
/// <c>CloudTrailEvent</c> string (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html).
/// </summary>
internal sealed class LookupEvents
{
    private byte[] _scratch = [];

    public bool TryUnwrap(ReadOnlySpan<byte> element, out ReadOnlySpan<byte> record)
    {
        record = default;
        var reader = new Utf8JsonReader(element);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvent = reader.ValueTextEquals("CloudTrailEvent"u8);
            reader.Read();
            if (!isEvent)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            if (!reader.ValueIsEscaped)
            {
                record = reader.ValueSpan;
                return true;
            }

            if (_scratch.Length < reader.ValueSpan.Length)
            {
                _scratch = new byte[Math.Max(reader.ValueSpan.Length, _scratch.Length * 2)];
            }

            int length;
            try
            {
                length = reader.CopyString(_scratch);
            }
            catch (InvalidOperationException)
            {
                // An escape that is not valid Unicode (a lone surrogate): the event cannot be read.
                return false;
            }

            record = _scratch.AsSpan(0, length);
            return true;
        }

        return false;
    }
}
