using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>Source-generated (reflection-free, AOT-safe) JSON for the CFSSL API.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CfsslSignRequest))]
[JsonSerializable(typeof(CfsslAuthenticatedRequest))]
[JsonSerializable(typeof(CfsslResponse))]
internal sealed partial class CfsslJsonContext : JsonSerializerContext
{
}
