using System.Globalization;
using System.Text.Json;
using RolesAnywhere.Credentials.Testing.Verification;

namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>The CreateSession parameters: ARNs from the query string or the JSON body, duration and session name from the body.</summary>
internal sealed class CreateSessionInput
{
    public const int DefaultDurationSeconds = 3600;
    public const int MinDurationSeconds = 900;
    public const int MaxDurationSeconds = 43200;

    public required string TrustAnchorArn { get; init; }

    public required string ProfileArn { get; init; }

    public required string RoleArn { get; init; }

    public int DurationSeconds { get; init; } = DefaultDurationSeconds;

    public string? RoleSessionName { get; init; }

    /// <exception cref="RequestRejectedException">A parameter is missing or malformed.</exception>
    public static CreateSessionInput Parse(SignedRequest request)
    {
        var query = request.QueryParameters();
        JsonElement body = default;
        if (request.Body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(request.Body);
                body = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw RequestRejectedException.Validation($"The request body is not valid JSON: {ex.Message}");
            }

            if (body.ValueKind != JsonValueKind.Object)
            {
                throw RequestRejectedException.Validation("The request body must be a JSON object.");
            }
        }

        var missing = new List<string>();
        string Required(string name)
        {
            var value = query.FirstOrDefault(p => p.Key == name).Value ?? StringProperty(body, name);
            if (string.IsNullOrEmpty(value))
            {
                missing.Add(name);
            }

            return value ?? string.Empty;
        }

        var input = new CreateSessionInput
        {
            TrustAnchorArn = Required("trustAnchorArn"),
            ProfileArn = Required("profileArn"),
            RoleArn = Required("roleArn"),
            DurationSeconds = Duration(body),
            RoleSessionName = StringProperty(body, "roleSessionName"),
        };
        if (missing.Count > 0)
        {
            throw RequestRejectedException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"{missing.Count} validation error(s) detected: {string.Join("; ", missing.Select(m => $"Value null at '{m}' failed to satisfy constraint: Member must not be null"))}"));
        }

        return input;
    }

    private static string? StringProperty(JsonElement body, string name)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw RequestRejectedException.Validation($"'{name}' must be a string.");
    }

    private static int Duration(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("durationSeconds", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return DefaultDurationSeconds;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var seconds))
        {
            throw RequestRejectedException.Validation($"'durationSeconds' must be an integer, got {value.GetRawText()}.");
        }

        if (seconds is < MinDurationSeconds or > MaxDurationSeconds)
        {
            throw RequestRejectedException.Validation(string.Create(CultureInfo.InvariantCulture,
                $"1 validation error detected: Value '{seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between {MinDurationSeconds} and {MaxDurationSeconds}"));
        }

        return seconds;
    }
}
