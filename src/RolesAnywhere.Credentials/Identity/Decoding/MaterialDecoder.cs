using System.Security.Cryptography;
using System.Text;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Decodes whatever one source holds: PEM text (any number of certificate and key blocks, with or
/// without <c>openssl x509 -text</c> output around them), bare base64 DER, binary DER certificates
/// and keys, or PKCS#12. Every intermediate buffer holding key material is zeroed.
/// </summary>
internal static class MaterialDecoder
{
    /// <summary>
    /// Decodes <paramref name="content"/> (a file's bytes, owned by the caller) and zeroes it, on
    /// success and failure alike. This is the entry the file loader uses; tests observe the zeroing here.
    /// </summary>
    internal static DecodedMaterial DecodeAndClear(byte[] content, MaterialSource source, string? password)
    {
        try
        {
            return Decode(content, source, password);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(content);
        }
    }

    /// <summary>Decodes binary content: DER or PKCS#12 as is, anything else as UTF-8 text.</summary>
    public static DecodedMaterial Decode(ReadOnlyMemory<byte> content, MaterialSource source, string? password)
    {
        var kind = DerClassifier.Classify(content);
        if (kind != DerKind.Unknown)
        {
            return DecodeDer(kind, content, source, password);
        }

        using var text = SensitiveBuffer<char>.Rent(Encoding.UTF8.GetMaxCharCount(content.Length));
        text.Truncate(Encoding.UTF8.GetChars(content.Span, text.Span));
        return DecodeText(text.Span, source, password);
    }

    /// <summary>Decodes text: PEM blocks, or a single base64 DER value (certificate, key or PKCS#12).</summary>
    public static DecodedMaterial DecodeText(ReadOnlySpan<char> text, MaterialSource source, string? password)
    {
        text = text.TrimStart('\uFEFF'); // a byte-order mark would hide a first PEM line from the parser
        if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            return PemDecoder.Decode(text, source, password);
        }

        var trimmed = text.Trim();
        using var der = SensitiveBuffer<byte>.Rent(trimmed.Length / 4 * 3 + 3);
        if (trimmed.IsEmpty || !Convert.TryFromBase64Chars(trimmed, der.Span, out var written))
        {
            throw NotRecognized(source);
        }

        der.Truncate(written);
        var kind = DerClassifier.Classify(der.Memory);
        return kind == DerKind.Unknown ? throw NotRecognized(source) : DecodeDer(kind, der.Memory, source, password);
    }

    /// <summary>Decodes one DER value of a known kind into a new <see cref="DecodedMaterial"/>.</summary>
    public static DecodedMaterial DecodeDer(DerKind kind, ReadOnlyMemory<byte> der, MaterialSource source, string? password)
    {
        var material = new DecodedMaterial();
        try
        {
            AddDer(kind, der, source, password, material);
            return material;
        }
        catch
        {
            material.Dispose();
            throw;
        }
    }

    /// <summary>Adds what one DER value holds to <paramref name="material"/>.</summary>
    public static void AddDer(DerKind kind, ReadOnlyMemory<byte> der, MaterialSource source, string? password, DecodedMaterial material)
    {
        switch (kind)
        {
            case DerKind.Certificate:
                material.Certificates.Add(CertificateDecoder.FromDer(der.Span, source));
                break;
            case DerKind.Pkcs12:
                Pkcs12Reader.Read(der, source, password, material);
                break;
            default:
                material.Keys.Add(PrivateKeyImporter.Import(kind, der, source, password));
                break;
        }
    }

    private static RolesAnywhereConfigurationException NotRecognized(MaterialSource source) =>
        new($"{source.SentencePhrase} is not a certificate or private key in a format this library reads (PEM, DER, base64 DER or PKCS#12). Check that {source.Setting} names the right input.");
}
