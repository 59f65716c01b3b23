using System.Text.Json.Serialization;

namespace RolesAnywhere.Credentials.Tool.Json;

/// <summary>
/// The output of <c>read-certificate-data</c>: the official helper's four fields (key type, base64 DER,
/// decimal serial, signing algorithms) and, beyond it, the names, dates and thumbprint users look for.
/// </summary>
internal sealed class CertificateDescription
{
    [JsonPropertyName("keyType")]
    public string KeyType { get; set; } = string.Empty;

    [JsonPropertyName("certificateData")]
    public string CertificateData { get; set; } = string.Empty;

    [JsonPropertyName("serialNumber")]
    public string SerialNumber { get; set; } = string.Empty;

    [JsonPropertyName("supportedAlgorithms")]
    public IReadOnlyList<string> SupportedAlgorithms { get; set; } = [];

    [JsonPropertyName("subject")]
    public string Subject { get; set; } = string.Empty;

    [JsonPropertyName("issuer")]
    public string Issuer { get; set; } = string.Empty;

    [JsonPropertyName("notBefore")]
    public string NotBefore { get; set; } = string.Empty;

    [JsonPropertyName("notAfter")]
    public string NotAfter { get; set; } = string.Empty;

    [JsonPropertyName("thumbprintSha256")]
    public string ThumbprintSha256 { get; set; } = string.Empty;
}
