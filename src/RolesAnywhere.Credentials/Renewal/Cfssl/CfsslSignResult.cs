using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>The <c>result</c> of a successful sign: the certificate as PEM.</summary>
internal sealed class CfsslSignResult
{
    [JsonPropertyName("certificate")]
    public string? Certificate { get; set; }
}
