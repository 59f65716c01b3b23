using System.Text.Json;

namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// Reads one CloudTrail record (a complete JSON object) into a <see cref="CloudTrailRecord"/>, tolerantly:
/// missing optional fields stay <see langword="null"/>, unknown fields and fields of an unexpected type are
/// ignored. Only a record without a usable <c>eventTime</c>, <c>eventSource</c> or <c>eventName</c> is malformed.
/// The nested <c>requestParameters</c>/<c>responseElements</c>/<c>additionalEventData</c> are read only for
/// Roles Anywhere and STS events, which keeps the common case (every other service) cheap.
/// </summary>
internal static class CloudTrailRecordParser
{
    public const string RolesAnywhereSource = "rolesanywhere.amazonaws.com";
    public const string StsSource = "sts.amazonaws.com";
    public const string IamSource = "iam.amazonaws.com";

    /// <summary>Nesting deeper than this is not a CloudTrail record (the reader's own default is 64).</summary>
    private const int MaxDepth = 64;

    public static bool TryParse(ReadOnlySpan<byte> json, out CloudTrailRecord? record, out string? problem)
    {
        record = null;
        try
        {
            return TryParseCore(json, out record, out problem);
        }
        catch (JsonException e)
        {
            problem = "invalid JSON: " + e.Message;
            return false;
        }
        catch (InvalidOperationException e)
        {
            // GetString refuses text it cannot transcode, such as an escaped lone surrogate ("\ud800").
            problem = "text that is not valid Unicode: " + e.Message;
            return false;
        }
    }

    private static bool TryParseCore(ReadOnlySpan<byte> json, out CloudTrailRecord? record, out string? problem)
    {
        record = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            problem = "not a JSON object";
            return false;
        }

        DateTimeOffset? eventTime = null;
        string? eventTimeText = null;
        string? eventSource = null, eventName = null, eventId = null, region = null, sourceIp = null;
        string? errorCode = null, errorMessage = null, recipient = null;
        var identity = UserIdentity.Empty;
        Range request = default, response = default, additional = default;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            reader.Read();
            if (name.ValueTextEquals("eventTime"u8))
            {
                if (reader.TokenType == JsonTokenType.String)
                {
                    eventTimeText = reader.GetString();
                    eventTime = reader.TryGetDateTimeOffset(out var time) ? time : null;
                }
            }
            else if (name.ValueTextEquals("eventSource"u8))
            {
                eventSource = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("eventName"u8))
            {
                eventName = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("eventID"u8))
            {
                eventId = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("awsRegion"u8))
            {
                region = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("sourceIPAddress"u8))
            {
                sourceIp = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("errorCode"u8))
            {
                errorCode = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("errorMessage"u8))
            {
                errorMessage = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("recipientAccountId"u8))
            {
                recipient = StringOrNull(ref reader);
            }
            else if (name.ValueTextEquals("userIdentity"u8))
            {
                identity = ReadIdentity(ref reader);
            }
            else if (name.ValueTextEquals("requestParameters"u8))
            {
                request = ObjectRange(ref reader);
            }
            else if (name.ValueTextEquals("responseElements"u8))
            {
                response = ObjectRange(ref reader);
            }
            else if (name.ValueTextEquals("additionalEventData"u8))
            {
                additional = ObjectRange(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (eventSource is null || eventName is null)
        {
            problem = eventSource is null ? "no eventSource" : "no eventName";
            return false;
        }

        if (eventTime is null)
        {
            problem = eventTimeText is null ? "no eventTime" : $"eventTime '{eventTimeText}' is not an ISO 8601 time";
            return false;
        }

        // IAM's trust-policy changes carry the policy (role-trust rule); other IAM calls are not looked into.
        var detailed = eventSource is RolesAnywhereSource or StsSource ||
                       (eventSource == IamSource && eventName is "CreateRole" or "UpdateAssumeRolePolicy");
        record = new CloudTrailRecord
        {
            EventTime = eventTime.Value,
            EventSource = eventSource,
            EventName = eventName,
            EventId = eventId,
            AwsRegion = region,
            SourceIpAddress = sourceIp,
            ErrorCode = string.IsNullOrEmpty(errorCode) ? null : errorCode,
            ErrorMessage = errorMessage,
            RecipientAccountId = recipient,
            Identity = identity,
            Request = detailed ? ParametersScanner.Scan(json[request]) : RecordParameters.Empty,
            Response = detailed ? ParametersScanner.Scan(json[response]) : RecordParameters.Empty,
            Additional = detailed ? ParametersScanner.Scan(json[additional]) : RecordParameters.Empty,
        };
        problem = null;
        return true;
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static Range ObjectRange(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }

    private static UserIdentity ReadIdentity(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return UserIdentity.Empty;
        }

        string? type = null, arn = null, accessKey = null, invokedBy = null, sourceIdentity = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = reader;
            var nested = reader.CurrentDepth > depth + 1;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                // Descend into sessionContext (sourceIdentity lives there); skip other containers' contents lazily.
                continue;
            }

            if (nested)
            {
                if (name.ValueTextEquals("sourceIdentity"u8))
                {
                    sourceIdentity = reader.GetString();
                }

                continue;
            }

            if (name.ValueTextEquals("type"u8))
            {
                type = reader.GetString();
            }
            else if (name.ValueTextEquals("arn"u8))
            {
                arn = reader.GetString();
            }
            else if (name.ValueTextEquals("accessKeyId"u8))
            {
                accessKey = reader.GetString();
            }
            else if (name.ValueTextEquals("invokedBy"u8))
            {
                invokedBy = reader.GetString();
            }
            else if (name.ValueTextEquals("sourceIdentity"u8))
            {
                sourceIdentity = reader.GetString();
            }
        }

        return new UserIdentity { Type = type, Arn = arn, AccessKeyId = accessKey, InvokedBy = invokedBy, SourceIdentity = sourceIdentity };
    }
}
