using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>Source-generated (trim- and AOT-safe) JSON for everything the tool reads or writes.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(CredentialProcessOutput))]
[JsonSerializable(typeof(ImdsCredentials))]
[JsonSerializable(typeof(ContainerCredentials))]
[JsonSerializable(typeof(CertificateDescription))]
[JsonSerializable(typeof(string))]
internal sealed partial class ToolJsonContext : JsonSerializerContext
{
}
