using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>The body of <c>POST /api/v1/cfssl/sign</c> (and the signed request inside <c>authsign</c>).</summary>
internal sealed class CfsslSignRequest
{
    [JsonPropertyName("certificate_request")]
    public required string CertificateRequest { get; init; }

    [JsonPropertyName("profile")]
    public string? Profile { get; init; }
}
