using System.Globalization;
using System.Text;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// A parsed RFC 7512 PKCS#11 URI: <c>pkcs11:token=…;object=…;id=%01;slot-id=0?pin-value=…&amp;module-path=…</c>.
/// Path attributes select the token and object; query attributes carry the PIN and the module.
/// </summary>
internal sealed class Pkcs11Uri
{
    private const string Scheme = "pkcs11:";

    private Pkcs11Uri()
    {
    }

    public string? Token { get; private set; }

    public string? Manufacturer { get; private set; }

    public string? Model { get; private set; }

    public string? Serial { get; private set; }

    public string? Object { get; private set; }

    public byte[]? Id { get; private set; }

    /// <summary>Gets the object class: <c>private</c>, <c>public</c>, <c>cert</c>, <c>secret-key</c> or <c>data</c>.</summary>
    public string? Type { get; private set; }

    public ulong? SlotId { get; private set; }

    public string? SlotDescription { get; private set; }

    public string? SlotManufacturer { get; private set; }

    /// <summary>Gets the PIN (<c>pin-value</c>). Secret: never logged, never part of an error message.</summary>
    public string? PinValue { get; private set; }

    public string? PinSource { get; private set; }

    public string? ModulePath { get; private set; }

    public string? ModuleName { get; private set; }

    public static bool IsPkcs11Uri(string? value) =>
        value is not null && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="uri"/>; <paramref name="setting"/> names the option it came from, for messages.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The URI is malformed; the message names the attribute (never the PIN).</exception>
    public static Pkcs11Uri Parse(string uri, string setting)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsPkcs11Uri(uri))
        {
            throw Invalid(setting, "it does not start with 'pkcs11:'");
        }

        var result = new Pkcs11Uri();
        string rest = uri[Scheme.Length..];
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? rest : rest[..question];
        string query = question < 0 ? string.Empty : rest[(question + 1)..];
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (string part in path.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = SplitAttribute(part, setting);
            if (!seen.Add(name))
            {
                throw Invalid(setting, $"the attribute '{name}' appears twice");
            }

            result.SetPathAttribute(name, value, setting);
        }

        foreach (string part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = SplitAttribute(part, setting);
            if (!seen.Add(name))
            {
                throw Invalid(setting, $"the attribute '{name}' appears twice");
            }

            result.SetQueryAttribute(name, value, setting);
        }

        return result;
    }

    /// <summary>Describes the selection without secrets, for messages: <c>token=a;object=b;id=%01</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme);
        void Append(string name, string? value)
        {
            if (value is not null)
            {
                builder.Append(builder.Length > Scheme.Length ? ";" : string.Empty).Append(name).Append('=').Append(value);
            }
        }

        Append("token", Token);
        Append("manufacturer", Manufacturer);
        Append("model", Model);
        Append("serial", Serial);
        Append("slot-id", SlotId?.ToString(CultureInfo.InvariantCulture));
        Append("object", Object);
        Append("type", Type);
        Append("id", Id is null ? null : FormatId(Id));
        return builder.ToString();
    }

    public static string FormatId(ReadOnlySpan<byte> id)
    {
        var builder = new StringBuilder(id.Length * 3);
        foreach (byte b in id)
        {
            builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private void SetPathAttribute(string name, string value, string setting)
    {
        switch (name)
        {
            case "token": Token = DecodeText(value, name, setting); break;
            case "manufacturer": Manufacturer = DecodeText(value, name, setting); break;
            case "model": Model = DecodeText(value, name, setting); break;
            case "serial": Serial = DecodeText(value, name, setting); break;
            case "object": Object = DecodeText(value, name, setting); break;
            case "id": Id = Decode(value, name, setting); break;
            case "slot-description": SlotDescription = DecodeText(value, name, setting); break;
            case "slot-manufacturer": SlotManufacturer = DecodeText(value, name, setting); break;
            case "library-manufacturer" or "library-description" or "library-version":
                break; // Identify the module, which module-path already names.
            case "type":
                Type = DecodeText(value, name, setting);
                if (Type is not ("private" or "public" or "cert" or "secret-key" or "data"))
                {
                    throw Invalid(setting, $"type '{Type}' is not one of private, public, cert, secret-key, data");
                }

                break;
            case "slot-id":
                string text = DecodeText(value, name, setting);
                if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong slot))
                {
                    throw Invalid(setting, $"slot-id '{text}' is not a decimal number");
                }

                SlotId = slot;
                break;
            default:
                if (!name.StartsWith("x-", StringComparison.Ordinal))
                {
                    throw Invalid(setting, $"the path attribute '{name}' is unknown (expected token, manufacturer, model, serial, object, id, type, slot-id, slot-description, slot-manufacturer)");
                }

                break;
        }
    }

    private void SetQueryAttribute(string name, string value, string setting)
    {
        switch (name)
        {
            case "pin-value": PinValue = DecodeText(value, name, setting); break;
            case "pin-source": PinSource = DecodeText(value, name, setting); break;
            case "module-path": ModulePath = DecodeText(value, name, setting); break;
            case "module-name": ModuleName = DecodeText(value, name, setting); break;
            default:
                break; // RFC 7512: unknown query attributes are ignored.
        }
    }

    private static (string Name, string Value) SplitAttribute(string part, string setting)
    {
        int equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            // Report only the attribute name: the value may be a PIN.
            string shown = equals < 0 ? "an attribute without '='" : "an attribute without a name";
            throw Invalid(setting, $"it contains {shown}; write name=value pairs separated by ';' (path) or '&' (query)");
        }

        return (part[..equals].ToLowerInvariant(), part[(equals + 1)..]);
    }

    private static string DecodeText(string value, string name, string setting)
    {
        byte[] bytes = Decode(value, name, setting);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(setting, $"the value of '{name}' is not UTF-8 after percent-decoding");
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    private static byte[] Decode(string value, string name, string setting)
    {
        var bytes = new List<byte>(value.Length);
        Span<byte> utf8 = stackalloc byte[4]; // One UTF-16 code point is at most 4 UTF-8 bytes.
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length ||
                    !byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
                {
                    throw Invalid(setting, $"the value of '{name}' has a '%' not followed by two hex digits");
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                int count = char.IsHighSurrogate(c) && i + 1 < value.Length
                    ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
                for (int j = 0; j < count; j++)
                {
                    bytes.Add(utf8[j]);
                }
            }
        }

        return [.. bytes];
    }

    private static RolesAnywhereConfigurationException Invalid(string setting, string reason) =>
        new($"{setting} is not a valid PKCS#11 URI (RFC 7512): {reason}. Example: pkcs11:token=MyToken;object=MyKey?pin-value=1234&module-path=/usr/lib/softhsm/libsofthsm2.so");
}
