using System.Globalization;
using System.Text;
using Net.Pkcs11Interop.Common;
using ParsedUri = Net.Pkcs11Interop.Common.Pkcs11Uri;

namespace RolesAnywhere.Credentials.Pkcs11;

/// <summary>
/// An RFC 7512 PKCS#11 URI (<c>pkcs11:token=…;object=…;id=%01;slot-id=0?pin-value=…&amp;module-path=…</c>), parsed by
/// Pkcs11Interop's <see cref="ParsedUri"/> (percent-decoding, attributes, duplicates, <c>type</c>, <c>slot-id</c>,
/// token and slot field lengths). This subclass only prepares the text (<see cref="Pkcs11UriAttribute"/>), adds the
/// checks a key selector needs, and words failures itself: they name the setting and the attribute, never the PIN.
/// </summary>
internal sealed class Pkcs11Uri : ParsedUri
{
    /// <summary>The URI scheme, with its colon; matched in any case.</summary>
    internal const string Scheme = "pkcs11:";
    private const string Example = "pkcs11:token=MyToken;object=MyKey?pin-value=1234&module-path=/usr/lib/softhsm/libsofthsm2.so";

    private Pkcs11Uri(string prepared)
        : base(prepared)
    {
    }

    /// <summary>Gets the object class as written: <c>private</c>, <c>public</c>, <c>cert</c>, <c>secret-key</c> or <c>data</c>.</summary>
    public new string? Type => base.Type switch
    {
        null => null,
        CKO.CKO_PRIVATE_KEY => "private",
        CKO.CKO_PUBLIC_KEY => "public",
        CKO.CKO_CERTIFICATE => "cert",
        CKO.CKO_SECRET_KEY => "secret-key",
        _ => "data",
    };

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

        var attributes = Pkcs11UriAttribute.Split(uri[Scheme.Length..]);
        if (attributes.GroupBy(a => (a.Name, a.InQuery)).FirstOrDefault(g => g.Skip(1).Any()) is { } repeated)
        {
            // Pkcs11Interop lets unknown query attributes repeat; an attribute written twice is ambiguous either way.
            throw Invalid(setting, $"the attribute '{repeated.Key.Name}' appears twice");
        }

        Pkcs11Uri result;
        try
        {
            result = new Pkcs11Uri(Pkcs11UriAttribute.Join(attributes));
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            // Not the parser's message: Explain words one that names the attribute and never shows a PIN.
            throw Invalid(setting, Explain(attributes));
        }

        result.Check(attributes, setting);
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

    /// <summary>
    /// Pkcs11Interop's parser throws more than its own <see cref="Pkcs11UriException"/>: a value ending in <c>%0</c>
    /// indexes past its end, and a non-numeric <c>library-version</c> fails <c>Convert.ToInt32</c> (with the input in
    /// the message).
    /// </summary>
    private static bool IsRefusal(Exception ex) =>
        ex is Pkcs11UriException or FormatException or OverflowException or IndexOutOfRangeException or ArgumentException;

    /// <summary>Finds the attribute that Pkcs11Interop refuses on its own, and says what is wrong with it without its value (unless no secret: slot-id, type, library-version).</summary>
    private static string Explain(List<Pkcs11UriAttribute> attributes) => attributes.Find(a => !ParsesAlone(a)) switch
    {
        null => "Pkcs11Interop refused it", // Unreached: duplicates aside, a whole that fails has a part that fails alone.
        { HasEquals: false } => "it contains an attribute without '='; write name=value pairs separated by ';' (path) or '&' (query)",
        { Name.Length: 0 } => "it contains an attribute without a name; write name=value pairs separated by ';' (path) or '&' (query)",
        { HasBadPercent: true } and var bad => $"the value of '{bad.Name}' has a '%' not followed by two hex digits",
        { Name: "slot-id", Value: var slot } => NotSlotId(slot),
        { Name: "type", Value: var type } => $"type '{Shown(type)}' is not an RFC 7512 object class (a key is type=private, a certificate type=cert)",
        { Name: "library-version", Value: var version } => $"library-version '{Shown(version)}' is not a version such as 2.40",
        { Name: "token" or "manufacturer" or "serial" or "model" or "slot-description" or "slot-manufacturer" or "library-manufacturer" or "library-description" } and var text =>
            $"the value of '{text.Name}' is longer than its PKCS#11 field (serial and model hold 16 bytes, slot-description 64, the others 32)",
        var other => $"the attribute name '{other.Name}' is not valid (letters, digits, '-' and '_' only)",
    };

    private static bool ParsesAlone(Pkcs11UriAttribute attribute)
    {
        try
        {
            _ = new ParsedUri(Pkcs11UriAttribute.Join([attribute]));
            return true;
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            return false;
        }
    }

    /// <summary>The checks Pkcs11Interop leaves to its caller.</summary>
    private void Check(List<Pkcs11UriAttribute> attributes, string setting)
    {
        // An ignored path attribute widens the selection (a misspelt 'objet=' would match every key): refuse it.
        // Vendor attributes (x-…) are accepted and ignored, as before.
        if (UnknownPathAttributes.Keys.FirstOrDefault(name => !name.StartsWith("x-", StringComparison.Ordinal)) is { } unknown)
        {
            string hint = unknown is "pin-value" or "pin-source" or "module-path" or "module-name"
                ? $"; {unknown} is a query attribute: write it after '?'"
                : " (expected token, manufacturer, model, serial, object, id, type, slot-id, slot-description, slot-manufacturer, library-manufacturer, library-description, library-version)";
            throw Invalid(setting, $"the path attribute '{unknown}' is unknown{hint}");
        }

        // The earlier parser read names in any case; Pkcs11Interop would ignore a 'PIN-VALUE' and log in without it.
        if (UnknownQueryAttributes.Keys.FirstOrDefault(name => name.ToLowerInvariant() is "pin-value" or "pin-source" or "module-path" or "module-name") is { } upper)
        {
            throw Invalid(setting, $"the query attribute '{upper}' is unknown; attribute names are lower case ({upper.ToLowerInvariant()})");
        }

        // Convert.ToUInt64 also takes "-0"; a selector takes digits only.
        if (attributes.Find(a => a is { Name: "slot-id", InQuery: false }) is { } slot && !slot.Value.All(char.IsAsciiDigit))
        {
            throw Invalid(setting, NotSlotId(slot.Value));
        }

        // Pkcs11Interop decodes text lossily (invalid UTF-8 becomes U+FFFD): %FF and %FE would select the same label.
        (string Name, string? Value)[] texts =
        [
            ("token", Token), ("manufacturer", Manufacturer), ("model", Model), ("serial", Serial), ("object", Object),
            ("slot-description", SlotDescription), ("slot-manufacturer", SlotManufacturer), ("library-manufacturer", LibraryManufacturer),
            ("library-description", LibraryDescription), ("pin-value", PinValue), ("pin-source", PinSource), ("module-path", ModulePath),
            ("module-name", ModuleName),
        ];
        if (Array.Find(texts, t => t.Value?.Contains('\uFFFD', StringComparison.Ordinal) == true) is { Name: { } lossy })
        {
            throw Invalid(setting, $"the value of '{lossy}' is not UTF-8 after percent-decoding");
        }
    }

    private static string NotSlotId(string value) => $"slot-id '{Shown(value)}' is not a decimal number from 0 to {ulong.MaxValue}";

    /// <summary>A value as the user wrote it, for the attributes whose values are no secret (slot-id, type, library-version).</summary>
    private static string Shown(string value) => Uri.UnescapeDataString(value);

    private static RolesAnywhereConfigurationException Invalid(string setting, string reason) =>
        new($"{setting} is not a valid PKCS#11 URI (RFC 7512): {reason}. Example: {Example}");
}
