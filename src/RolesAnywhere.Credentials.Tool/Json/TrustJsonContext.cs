using System.Text.Json;
using System.Text.Json.Serialization;

using RolesAnywhere.Credentials.Authorization.Text;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>Source-generated (trim- and AOT-safe) JSON for <c>inspect</c> and <c>policy</c>; indented for people, parsed by scripts.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(InspectOutput))]
[JsonSerializable(typeof(EvaluateOutput))]
[JsonSerializable(typeof(List<LintFindingOutput>))]
internal sealed partial class TrustJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context that writes quotes and apostrophes in messages as themselves (the output is read by people and JSON parsers, never embedded in HTML).</summary>
    public static TrustJsonContext Readable { get; } = new(new JsonSerializerOptions { WriteIndented = true, Encoder = GoJsonEncoder.Instance });
}
