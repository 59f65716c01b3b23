using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// What IAM sees of a certificate: the source identity, the role session name and the principal tags the profile's
/// attribute mapping produces, plus every attribute that does not become a tag and why.
/// </summary>
/// <remarks>
/// Source identity: the subject CN of the end-entity certificate; role session name: the certificate's serial number in
/// hexadecimal; principal tags: the subject, issuer and SAN attributes the mapping selects
/// (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html, "Role trusts";
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html).
/// </remarks>
public sealed class SessionIdentity
{
    private SessionIdentity(
        string? sourceIdentity,
        string serialNumberHex,
        string serialNumberDecimal,
        IReadOnlyList<KeyValuePair<string, string>> tags,
        IReadOnlyList<DroppedTag> dropped,
        Undetermined undetermined)
    {
        Unresolved = undetermined;
        SourceIdentity = sourceIdentity;
        SerialNumberHex = serialNumberHex;
        SerialNumberDecimal = serialNumberDecimal;
        PrincipalTags = tags;
        DroppedTags = dropped;
    }

    /// <summary>Gets the source identity the service sets (<c>CN=</c> and the subject's common name), or <see langword="null"/> when the subject has no CN.</summary>
    public string? SourceIdentity { get; }

    /// <summary>Gets the role session name the service uses: the serial number in lower-case hexadecimal.</summary>
    public string RoleSessionName => SerialNumberHex;

    /// <summary>Gets the serial number in lower-case hexadecimal, as the service and CloudTrail show it.</summary>
    public string SerialNumberHex { get; }

    /// <summary>Gets the serial number as an unsigned decimal integer, as SigV4-X509 credentials name it.</summary>
    public string SerialNumberDecimal { get; }

    /// <summary>Gets the principal tags in the order the service derives them (subject, issuer, SAN), keyed like <c>x509Subject/CN</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PrincipalTags { get; }

    /// <summary>Gets the certificate attributes that do not become principal tags, each with the reason.</summary>
    public IReadOnlyList<DroppedTag> DroppedTags { get; }

    /// <summary>
    /// Gets what IAM does not document for this certificate: tag keys whose value is not determined (an attribute written twice
    /// in one name), fields holding a multi-valued RDN (which tags they yield is not documented), and the source identity when
    /// the subject's CN is repeated or inside a multi-valued RDN. A policy condition on any of these is answered "cannot tell".
    /// </summary>
    internal Undetermined Unresolved { get; }

    /// <summary>Derives the session identity of a certificate under an attribute mapping.</summary>
    /// <param name="certificate">The end-entity certificate.</param>
    /// <param name="mapping">The profile's attribute mapping, or <see langword="null"/> for <see cref="AttributeMapping.Default"/>.</param>
    /// <returns>The session identity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static SessionIdentity FromCertificate(X509Certificate2 certificate, AttributeMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        mapping ??= AttributeMapping.Default;
        var tags = new List<KeyValuePair<string, string>>();
        var dropped = new List<DroppedTag>();
        var undetermined = new Undetermined();
        var subject = DistinguishedNameReader.Read(certificate.SubjectName);

        AddName(CertificateFields.Subject, subject, mapping, tags, dropped, undetermined);
        AddName(CertificateFields.Issuer, DistinguishedNameReader.Read(certificate.IssuerName), mapping, tags, dropped, undetermined);
        AddSubjectAlternativeNames(SubjectAlternativeNames.Read(certificate), mapping, tags, dropped, undetermined);

        var accepted = new List<KeyValuePair<string, string>>();
        foreach (var tag in tags)
        {
            if (SessionTagLimits.ValueProblem(tag.Value) is { } problem)
            {
                dropped.Add(new DroppedTag(tag.Key, tag.Value, problem + " (STS session-tag rule)."));
            }
            else if (accepted.Count >= SessionTagLimits.MaxTags)
            {
                dropped.Add(new DroppedTag(tag.Key, tag.Value, $"a session carries at most {SessionTagLimits.MaxTags} tags (STS quota)."));
            }
            else
            {
                accepted.Add(tag);
            }
        }

        // The hex keeps the certificate's octets as encoded (a leading 00 included), the role session name's form; the
        // decimal is the unsigned value, one parser for both (CertificateSerialNumber).
        var serial = certificate.SerialNumberBytes.Span;
        var commonName = subject.FirstOrDefault(a => a.Name == "CN" && a.Value is not null).Value;

        // "the source identity set to the common name(s) (CN) of the subject(s)" (trust-model.html): which one, or how several
        // are joined, is not documented.
        undetermined.SourceIdentity = subject.Count(a => a.Name == "CN") > 1 || subject.Any(a => a.MultiValued);

        // "the hex-encoded serial number": whether a serial encoded with a leading 00 octet (every serial whose value has the
        // high bit set) keeps that 00 in the session name is not documented.
        undetermined.RoleSessionName = serial.Length > 1 && serial[0] == 0;
        return new SessionIdentity(
            commonName is null ? null : "CN=" + commonName,
            Convert.ToHexString(serial).ToLowerInvariant(),
            CertificateSerialNumber.FromBigEndian(serial).ToDecimalString(),
            accepted,
            dropped,
            undetermined);
    }

    /// <summary>Gets the value of a principal tag (tag keys compare case-insensitively, as IAM compares condition keys).</summary>
    /// <param name="tagKey">The tag key, such as <c>x509Subject/CN</c>.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns><see langword="true"/> when the session carries the tag.</returns>
    public bool TryGetTag(string tagKey, out string value)
    {
        foreach (var tag in PrincipalTags)
        {
            if (string.Equals(tag.Key, tagKey, StringComparison.OrdinalIgnoreCase))
            {
                value = tag.Value;
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    private static void AddName(
        string field, IReadOnlyList<NameAttribute> attributes, AttributeMapping mapping, List<KeyValuePair<string, string>> tags, List<DroppedTag> dropped, Undetermined undetermined) =>
        AddRdns(field, field, attributes, rdn => mapping.MapsRdn(field, rdn), tags, dropped, undetermined);

    private static void AddRdns(
        string field, string prefix, IReadOnlyList<NameAttribute> attributes, Func<string, bool> mapped,
        List<KeyValuePair<string, string>> tags, List<DroppedTag> dropped, Undetermined undetermined)
    {
        foreach (var attribute in attributes)
        {
            var key = $"{prefix}/{attribute.Name}";
            if (attribute.MultiValued)
            {
                // "maps all supported Relative Distinguished Names (RDNs) ... into distinct PrincipalTag elements"
                // (attribute-mapping.html) says nothing of an RDN with several attributes: every tag of this name is open.
                undetermined.Prefixes.Add(prefix + "/");
                dropped.Add(new DroppedTag(key, null, "a multi-valued RDN: IAM Roles Anywhere does not document which tags it yields, so conditions on " + prefix + "/… cannot be decided."));
            }
            else if (!SupportedAttributes.IsSupportedRdn(attribute.Name))
            {
                dropped.Add(new DroppedTag(key, attribute.Value, $"{attribute.Name} is not an RDN IAM Roles Anywhere maps (supported: {string.Join(", ", SupportedAttributes.RdnByOid.Values)})."));
            }
            else if (!mapped(attribute.Name))
            {
                dropped.Add(new DroppedTag(key, attribute.Value, $"the profile's attribute mapping has no {field} rule for '{attribute.Name}' or '*'."));
            }
            else if (attribute.Value is null)
            {
                dropped.Add(new DroppedTag(key, null, "the value is not a text string."));
            }
            else if (tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                // A tag key holds one value; which of the repeated attributes the service keeps is not documented.
                undetermined.Keys.Add(key);
                dropped.Add(new DroppedTag(key, attribute.Value, "the attribute is repeated and a tag key holds one value; IAM Roles Anywhere does not document which one it keeps, so conditions on this tag cannot be decided."));
            }
            else
            {
                tags.Add(new(key, attribute.Value));
            }
        }
    }

    private static void AddSubjectAlternativeNames(
        SubjectAlternativeNames names, AttributeMapping mapping, List<KeyValuePair<string, string>> tags, List<DroppedTag> dropped, Undetermined undetermined)
    {
        const string San = CertificateFields.SubjectAlternativeName;
        AddFirst(SupportedAttributes.Dns, names.DnsNames);
        AddFirst(SupportedAttributes.Uri, names.Uris);
        for (var i = 0; i < names.DirectoryNames.Count; i++)
        {
            if (i == 0)
            {
                AddRdns(San, $"{San}/{SupportedAttributes.DirectoryName}", DistinguishedNameReader.Read(names.DirectoryNames[0]), mapping.MapsSanName, tags, dropped, undetermined);
            }
            else
            {
                dropped.Add(new DroppedTag($"{San}/{SupportedAttributes.DirectoryName}", names.DirectoryNames[i].Name, "only the first directory name of the SAN is mapped."));
            }
        }

        foreach (var other in names.Others)
        {
            dropped.Add(new DroppedTag(San, other, "IAM Roles Anywhere maps only DNS names, URIs and directory names from the SAN."));
        }

        void AddFirst(string type, List<string> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var key = $"{San}/{type}";
                if (i > 0)
                {
                    dropped.Add(new DroppedTag(key, values[i], $"only the first {type} name of the SAN is mapped."));
                }
                else if (!mapping.MapsSan(type))
                {
                    dropped.Add(new DroppedTag(key, values[i], $"the profile's attribute mapping has no x509SAN rule for '{type}'."));
                }
                else
                {
                    tags.Add(new(key, values[i]));
                }
            }
        }
    }
}
