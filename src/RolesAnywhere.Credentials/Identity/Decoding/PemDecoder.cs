using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Reads every PEM block of a text (RFC 7468), skipping text between blocks such as
/// <c>openssl x509 -text</c> output, and decodes certificates and private keys by their labels.
/// </summary>
internal static class PemDecoder
{
    public static DecodedMaterial Decode(ReadOnlySpan<char> text, MaterialSource source, string? password)
    {
        if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.SentencePhrase} holds a private key in OpenSSL's legacy encrypted PEM form (Proc-Type/DEK-Info headers), which this library does not read. Convert it to encrypted PKCS#8: `openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in key.pem -out key-pkcs8.pem`.");
        }

        var material = new DecodedMaterial();
        try
        {
            var blocks = 0;
            var remaining = text;
            while (PemEncoding.TryFind(remaining, out var fields))
            {
                blocks++;
                AddBlock(remaining[fields.Label].ToString(), remaining[fields.Base64Data], fields.DecodedDataLength, source, password, material);
                remaining = remaining[fields.Location.End..];
            }

            if (blocks == 0)
            {
                throw new RolesAnywhereConfigurationException(
                    $"{source.SentencePhrase} contains '-----BEGIN' but no well-formed PEM block: the base64 is damaged or an END line is missing. Get the file again from where it was issued or exported.");
            }

            return material;
        }
        catch
        {
            material.Dispose();
            throw;
        }
    }

    private static void AddBlock(string label, ReadOnlySpan<char> base64, int length, MaterialSource source, string? password, DecodedMaterial material)
    {
        var kind = label switch
        {
            "CERTIFICATE" or "X509 CERTIFICATE" or "TRUSTED CERTIFICATE" => DerKind.Certificate,
            "PRIVATE KEY" => DerKind.Pkcs8,
            "ENCRYPTED PRIVATE KEY" => DerKind.EncryptedPkcs8,
            "RSA PRIVATE KEY" => DerKind.Pkcs1,
            "EC PRIVATE KEY" => DerKind.Sec1,
            _ => DerKind.Unknown,
        };
        if (kind == DerKind.Unknown)
        {
            material.SkippedLabels.Add(label);
            return;
        }

        using var der = SensitiveBuffer<byte>.Rent(length);
        if (!Convert.TryFromBase64Chars(base64, der.Span, out var written))
        {
            throw new RolesAnywhereConfigurationException(
                $"{source.SentencePhrase} has a '{label}' PEM block whose base64 cannot be decoded. Get the file again.");
        }

        der.Truncate(written);
        MaterialDecoder.AddDer(kind, der.Memory, source, password, material);
    }
}
