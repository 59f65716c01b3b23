using System.Text.Json;
using System.Text.Json.Serialization;

using RolesAnywhere.Credentials.Authorization.Text;

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
    /// <summary>The context everything the tool prints or serves goes through: the official helper's escaping (<see cref="GoJsonEncoder"/>).</summary>
    public static ToolJsonContext Output { get; } = new(new JsonSerializerOptions { Encoder = GoJsonEncoder.Instance });
}
