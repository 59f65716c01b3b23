using System.Text.Json.Nodes;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>
/// Builds a CloudTrail log file (<c>{"Records":[…]}</c>) from the documented record shapes (Fixtures/Scenario/README.md
/// names the sources): Roles Anywhere's CreateSession, the service's STS AssumeRole, calls made with the session and
/// control-plane calls.
/// </summary>
internal sealed class Trail
{
    public const string Account = "111122223333";
    public const string AnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd";
    public const string ProfileArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0ace5b12-24b9-427e-a483-c55884852fbf";

    private readonly JsonArray _records = [];

    public static DateTimeOffset Start { get; } = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public int Count => _records.Count;

    /// <summary>A CreateSession from <paramref name="source"/> and, when it succeeded, the service's AssumeRole that named the session by the serial.</summary>
    public Trail Session(string id, TimeSpan at, string source, string serialHex, string role = "app", string? error = null, string? anchorArn = null, string? userAgent = null)
    {
        var roleArn = $"arn:aws:iam::{Account}:role/{role}";
        var sessionArn = $"arn:aws:sts::{Account}:assumed-role/{role}/{serialHex}";
        var record = Envelope(id, at, "rolesanywhere.amazonaws.com", "CreateSession", source, new JsonObject { ["type"] = "Unknown" });
        record["userAgent"] = userAgent ?? "aws-sdk-dotnet/4.0 rolesanywhere-credentials";
        record["requestParameters"] = new JsonObject
        {
            ["trustAnchorArn"] = anchorArn ?? AnchorArn,
            ["profileArn"] = ProfileArn,
            ["roleArn"] = roleArn,
            ["durationSeconds"] = 3600,
        };
        if (error is not null)
        {
            record["errorCode"] = error;
            record["errorMessage"] = "Untrusted certificate. Insufficient certificate";
            record["responseElements"] = null;
            _records.Add(record);
            return this;
        }

        record["responseElements"] = new JsonObject
        {
            ["credentialSet"] = new JsonArray(new JsonObject
            {
                ["roleArn"] = roleArn,
                ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = "AROAEXAMPLE:" + serialHex, ["arn"] = sessionArn },
                ["sourceIdentity"] = "CN=" + id,
                ["credentials"] = new JsonObject { ["accessKeyId"] = "ASIA" + id.ToUpperInvariant(), ["expiration"] = "2026-11-20T23:00:00Z" },
            }),
        };
        _records.Add(record);

        var assume = Envelope(id + "-assume", at + TimeSpan.FromSeconds(1), "sts.amazonaws.com", "AssumeRole", "rolesanywhere.amazonaws.com",
            new JsonObject { ["type"] = "AWSService", ["invokedBy"] = "rolesanywhere.amazonaws.com" });
        assume["requestParameters"] = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = serialHex, ["sourceIdentity"] = "CN=" + id, ["durationSeconds"] = 3600 };
        assume["responseElements"] = new JsonObject
        {
            ["credentials"] = new JsonObject { ["accessKeyId"] = "ASIA" + id.ToUpperInvariant() },
            ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = "AROAEXAMPLE:" + serialHex, ["arn"] = sessionArn },
        };
        _records.Add(assume);
        return this;
    }

    /// <summary>A call made with the credentials of the session <c>assumed-role/<paramref name="role"/>/<paramref name="serialHex"/></c>.</summary>
    public Trail Call(string id, TimeSpan at, string source, string serialHex, string eventSource, string eventName,
        string role = "app", JsonObject? requestParameters = null, string? error = null)
    {
        var record = Envelope(id, at, eventSource, eventName, source, SessionIdentity(role, serialHex));
        record["requestParameters"] = requestParameters;
        if (error is not null)
        {
            record["errorCode"] = error;
            record["errorMessage"] = "denied";
        }

        _records.Add(record);
        return this;
    }

    /// <summary>A call made by an IAM user (an administrator), such as a control-plane change.</summary>
    public Trail Admin(string id, TimeSpan at, string eventSource, string eventName, JsonObject? requestParameters, JsonObject? responseElements = null,
        string user = "alice", string source = "198.51.100.20", string? error = null)
    {
        var identity = new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = "AIDAEXAMPLE" + user.ToUpperInvariant(),
            ["arn"] = $"arn:aws:iam::{Account}:user/{user}",
            ["accountId"] = Account,
            ["userName"] = user,
        };
        var record = Envelope(id, at, eventSource, eventName, source, identity);
        record["requestParameters"] = requestParameters;
        record["responseElements"] = responseElements;
        if (error is not null)
        {
            record["errorCode"] = error;
            record["errorMessage"] = "denied";
        }

        _records.Add(record);
        return this;
    }

    /// <summary>Adds a record as given.</summary>
    public Trail Raw(JsonObject record)
    {
        _records.Add(record);
        return this;
    }

    public override string ToString() => new JsonObject { ["Records"] = _records.DeepClone() }.ToJsonString();

    public static JsonObject SessionIdentity(string role, string sessionName, string account = Account) => new()
    {
        ["type"] = "AssumedRole",
        ["principalId"] = "AROAEXAMPLE:" + sessionName,
        ["arn"] = $"arn:aws:sts::{account}:assumed-role/{role}/{sessionName}",
        ["accountId"] = account,
        ["sessionContext"] = new JsonObject
        {
            ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["arn"] = $"arn:aws:iam::{account}:role/{role}", ["userName"] = role },
        },
    };

    public static JsonObject Envelope(string id, TimeSpan at, string eventSource, string eventName, string source, JsonObject identity) => new()
    {
        ["eventVersion"] = "1.08",
        ["userIdentity"] = identity,
        ["eventTime"] = (Start + at).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["eventSource"] = eventSource,
        ["eventName"] = eventName,
        ["awsRegion"] = "eu-west-1",
        ["sourceIPAddress"] = source,
        ["eventID"] = id,
        ["recipientAccountId"] = Account,
        ["eventType"] = "AwsApiCall",
    };
}
