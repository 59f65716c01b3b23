namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// One configured source of key material, not yet read: a file path, inline text (PEM or base64) or
/// caller-owned bytes.
/// </summary>
internal sealed class MaterialInput
{
    private readonly string? _text;
    private readonly byte[]? _bytes;

    private MaterialInput(MaterialSource source, string? text, byte[]? bytes)
    {
        Source = source;
        _text = text;
        _bytes = bytes;
    }

    public MaterialSource Source { get; }

    public static MaterialInput File(string setting, string path, string passwordSetting) => new(new MaterialSource(setting, path, passwordSetting), null, null);

    public static MaterialInput Text(string setting, string text, string passwordSetting) => new(new MaterialSource(setting, null, passwordSetting), text, null);

    public static MaterialInput Bytes(string setting, byte[] bytes, string passwordSetting) => new(new MaterialSource(setting, null, passwordSetting), null, bytes);

    /// <summary>Reads and decodes the source. File contents are zeroed after decoding; caller bytes are left alone.</summary>
    public DecodedMaterial Decode(string? password)
    {
        if (_text is not null)
        {
            return MaterialDecoder.DecodeText(_text, Source, password);
        }

        if (_bytes is not null)
        {
            return MaterialDecoder.Decode(_bytes, Source, password);
        }

        return MaterialDecoder.DecodeAndClear(KeyMaterialFile.ReadAll(Source), Source, password);
    }
}
