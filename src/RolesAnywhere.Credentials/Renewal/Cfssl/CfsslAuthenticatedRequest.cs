using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Renewal.Cfssl;

/// <summary>
/// The body of <c>POST /api/v1/cfssl/authsign</c>: the JSON sign request as bytes and its HMAC-SHA-256 under the
/// shared auth key (CFSSL's "standard" authentication provider); both base64 as Go encodes <c>[]byte</c>.
/// </summary>
internal sealed class CfsslAuthenticatedRequest
{
    [JsonPropertyName("token")]
    public required byte[] Token { get; init; }

    [JsonPropertyName("request")]
    public required byte[] Request { get; init; }
}
