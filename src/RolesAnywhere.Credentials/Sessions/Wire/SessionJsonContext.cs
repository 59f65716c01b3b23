using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Sessions.Wire;

/// <summary>Source-generated (reflection-free, AOT-safe) JSON for the CreateSession wire types.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(CreateSessionRequestBody))]
[JsonSerializable(typeof(CreateSessionResponseBody))]
[JsonSerializable(typeof(ServiceErrorBody))]
internal sealed partial class SessionJsonContext : JsonSerializerContext
{
}
