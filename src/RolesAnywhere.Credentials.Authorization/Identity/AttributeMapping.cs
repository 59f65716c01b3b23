using System.Text.Json;

namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// A profile's certificate attribute mapping: which subject, issuer and SAN attributes become principal tags.
/// </summary>
/// <remarks>
/// The rules follow https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html:
/// <list type="table">
/// <item><term><c>x509Subject</c>, <c>x509Issuer</c></term><description><c>*</c> maps every supported RDN; <c>CN</c>, <c>OU</c>, … map that RDN.</description></item>
/// <item><term><c>x509SAN</c></term><description><c>DNS</c> and <c>URI</c> map the first name of that type; <c>Name/*</c> (also written <c>Name</c> or <c>Name/</c>)
/// maps every supported RDN of the first directory name, <c>Name/CN</c> one of them; <c>*</c> has no defined behaviour and maps nothing.</description></item>
/// </list>
/// A field the mapping does not name maps nothing.
/// </remarks>
public sealed class AttributeMapping
{
    private const string Wildcard = "*";

    private readonly Dictionary<string, List<string>> _rules;

    private AttributeMapping(Dictionary<string, List<string>> rules, IReadOnlyList<string> warnings, bool isDefault)
    {
        _rules = rules;
        Warnings = warnings;
        IsDefault = isDefault;
    }

    /// <summary>Gets the mapping every new profile has: all supported subject and issuer RDNs, the first DNS name, URI and directory name.</summary>
    /// <remarks>The default rules as <c>get-profile</c> prints them: https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html.</remarks>
    public static AttributeMapping Default { get; } = new(
        new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            [CertificateFields.Subject] = [Wildcard],
            [CertificateFields.Issuer] = [Wildcard],
            [CertificateFields.SubjectAlternativeName] = [SupportedAttributes.Dns, SupportedAttributes.Uri, "Name/*"],
        },
        [],
        isDefault: true);

    /// <summary>Gets a value indicating whether this is the default mapping.</summary>
    public bool IsDefault { get; }

    /// <summary>Gets the specifiers that can map nothing (an RDN IAM Roles Anywhere does not support, <c>*</c> under <c>x509SAN</c>), each with the reason.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Reads the <c>attributeMappings</c> of a profile.</summary>
    /// <param name="json">The output of <c>aws rolesanywhere get-profile</c> (<c>{"profile":{"attributeMappings":[…]}}</c>), an object with
    /// <c>attributeMappings</c>, or the bare array of <c>{"certificateField": …, "mappingRules": [{"specifier": …}]}</c>.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuthorizationDocumentException">The JSON is malformed (the message names the line and column) or not an attribute mapping.</exception>
    public static AttributeMapping Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw AuthorizationDocumentException.Syntax("attribute mapping", e);
        }

        using (document)
        {
            var (mappings, path) = FindMappings(document.RootElement);
            var rules = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var warnings = new List<string>();
            var index = 0;
            foreach (var entry in mappings.EnumerateArray())
            {
                var at = $"{path}[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    throw AuthorizationDocumentException.At(at, "each attribute mapping must be an object with certificateField and mappingRules.");
                }

                var field = RequiredString(entry, "certificateField", at);
                if (!CertificateFields.IsKnown(field))
                {
                    throw AuthorizationDocumentException.At(at + ".certificateField",
                        $"'{field}' is not a certificate field; use one of {string.Join(", ", CertificateFields.All)} (the names are case-sensitive).");
                }

                if (!entry.TryGetProperty("mappingRules", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw AuthorizationDocumentException.At(at, "mappingRules must be an array of {\"specifier\": \"…\"} objects.");
                }

                var specifiers = rules.TryGetValue(field, out var existing) ? existing : rules[field] = [];
                var ruleIndex = 0;
                foreach (var rule in list.EnumerateArray())
                {
                    var ruleAt = $"{at}.mappingRules[{ruleIndex++}]";
                    if (rule.ValueKind != JsonValueKind.Object)
                    {
                        throw AuthorizationDocumentException.At(ruleAt, "each mapping rule must be an object {\"specifier\": \"…\"}.");
                    }

                    var specifier = Normalize(field, RequiredString(rule, "specifier", ruleAt));
                    if (WarningFor(field, specifier) is { } warning)
                    {
                        warnings.Add($"{field} specifier '{specifier}': {warning}");
                    }

                    if (!specifiers.Contains(specifier, StringComparer.Ordinal))
                    {
                        specifiers.Add(specifier);
                    }
                }
            }

            return new AttributeMapping(rules, warnings, isDefault: false);
        }
    }

    /// <summary>Gets the specifiers mapped for a certificate field, as normalized (<c>Name</c> and <c>Name/</c> become <c>Name/*</c>).</summary>
    /// <param name="certificateField"><c>x509Subject</c>, <c>x509Issuer</c> or <c>x509SAN</c>.</param>
    /// <returns>The specifiers; empty when the field is not mapped.</returns>
    public IReadOnlyList<string> GetSpecifiers(string certificateField) =>
        _rules.TryGetValue(certificateField, out var specifiers) ? specifiers : [];

    /// <summary>Whether an RDN of the subject or issuer (<paramref name="rdn"/> like <c>CN</c>) is mapped.</summary>
    internal bool MapsRdn(string field, string rdn)
    {
        var specifiers = GetSpecifiers(field);
        return SupportedAttributes.IsSupportedRdn(rdn) && (specifiers.Contains(Wildcard) || specifiers.Contains(rdn));
    }

    /// <summary>Whether an RDN of the first SAN directory name is mapped.</summary>
    internal bool MapsSanName(string rdn)
    {
        var specifiers = GetSpecifiers(CertificateFields.SubjectAlternativeName);
        return SupportedAttributes.IsSupportedRdn(rdn) && (specifiers.Contains("Name/*") || specifiers.Contains("Name/" + rdn));
    }

    /// <summary>Whether the first SAN of a simple type (<c>DNS</c>, <c>URI</c>) is mapped.</summary>
    internal bool MapsSan(string type) => GetSpecifiers(CertificateFields.SubjectAlternativeName).Contains(type);

    /// <summary>Whether some certificate could produce the principal tag <paramref name="tagKey"/> (like <c>x509Subject/CN</c>) under this mapping.</summary>
    internal bool CanProduce(string tagKey)
    {
        var parts = tagKey.Split('/');
        return parts switch
        {
            [CertificateFields.Subject or CertificateFields.Issuer, var rdn] => MapsRdn(parts[0], rdn),
            [CertificateFields.SubjectAlternativeName, SupportedAttributes.Dns or SupportedAttributes.Uri] => MapsSan(parts[1]),
            [CertificateFields.SubjectAlternativeName, SupportedAttributes.DirectoryName, var rdn] => MapsSanName(rdn),
            _ => false,
        };
    }

    private static string Normalize(string field, string specifier) =>
        field == CertificateFields.SubjectAlternativeName && specifier is "Name" or "Name/" ? "Name/*" : specifier;

    private static string? WarningFor(string field, string specifier)
    {
        if (field == CertificateFields.SubjectAlternativeName)
        {
            if (specifier is SupportedAttributes.Dns or SupportedAttributes.Uri or "Name/*")
            {
                return null;
            }

            if (specifier.StartsWith("Name/", StringComparison.Ordinal))
            {
                return SupportedAttributes.IsSupportedRdn(specifier[5..]) ? null : $"'{specifier[5..]}' is not a supported RDN ({string.Join(", ", SupportedAttributes.RdnByOid.Values)}); it maps nothing.";
            }

            return specifier == Wildcard
                ? "'*' has no defined behaviour under x509SAN (the documentation says so); it maps nothing. Use DNS, URI or Name/*."
                : "x509SAN takes DNS, URI, Name/* or Name/<RDN>; this maps nothing.";
        }

        return specifier == Wildcard || SupportedAttributes.IsSupportedRdn(specifier)
            ? null
            : $"'{specifier}' is not a supported RDN ({string.Join(", ", SupportedAttributes.RdnByOid.Values)}, case-sensitive); it maps nothing.";
    }

    private static (JsonElement Mappings, string Path) FindMappings(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (root, "$");
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("profile", out var profile) && profile.ValueKind == JsonValueKind.Object
                && profile.TryGetProperty("attributeMappings", out var nested) && nested.ValueKind == JsonValueKind.Array)
            {
                return (nested, "profile.attributeMappings");
            }

            if (root.TryGetProperty("attributeMappings", out var direct) && direct.ValueKind == JsonValueKind.Array)
            {
                return (direct, "attributeMappings");
            }
        }

        throw AuthorizationDocumentException.At("$",
            "no attributeMappings array found; pass the output of 'aws rolesanywhere get-profile --profile-id ID', an object with \"attributeMappings\", or the bare array.");
    }

    private static string RequiredString(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw AuthorizationDocumentException.At($"{path}.{name}", $"{name} must be a non-empty string.");
        }

        return value.GetString()!;
    }
}
