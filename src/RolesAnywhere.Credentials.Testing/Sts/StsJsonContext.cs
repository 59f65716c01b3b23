using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Testing.Sts;

/// <summary>Source-generated JSON metadata for the STS JSON-protocol answers (trimming and AOT safe).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StsJsonContext : JsonSerializerContext;
