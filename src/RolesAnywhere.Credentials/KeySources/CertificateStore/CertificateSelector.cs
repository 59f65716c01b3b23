using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>
/// A certificate selector in the official helper's syntax: <c>Key=x509Subject,Value=CN=app,O=corp
/// Key=x509Issuer,Value=CN=CA Key=x509Serial,Value=0a1b…</c> (all must match), plus
/// <c>Key=thumbprint,Value=…</c>, or <c>file://selector.json</c> holding <c>[{"Key":…,"Value":…}]</c>.
/// </summary>
internal sealed class CertificateSelector
{
    private const string KeyMarker = "Key=";
    private const string ValueMarker = ",Value=";

    private CertificateSelector(IReadOnlyList<CertificateSelectorCriterion> criteria) => Criteria = criteria;

    public IReadOnlyList<CertificateSelectorCriterion> Criteria { get; }

    /// <summary>Parses a selector; <see langword="null"/> or blank selects every certificate.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The selector is malformed.</exception>
    public static CertificateSelector Parse(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return new CertificateSelector([]);
        }

        selector = selector.Trim();
        return selector.StartsWith("file://", StringComparison.OrdinalIgnoreCase)
            ? new CertificateSelector(ParseFile(selector["file://".Length..]))
            : new CertificateSelector(ParseText(selector));
    }

    public bool Matches(X509Certificate2 certificate)
    {
        foreach (var criterion in Criteria)
        {
            bool matches = criterion.Key switch
            {
                CertificateSelectorKey.Subject => DistinguishedName.Equal(criterion.Value, certificate.SubjectName),
                CertificateSelectorKey.Issuer => DistinguishedName.Equal(criterion.Value, certificate.IssuerName),
                CertificateSelectorKey.Serial => HexEquals(criterion.Value, certificate.SerialNumber, trimLeadingZeros: true),
                CertificateSelectorKey.Thumbprint => HexEquals(criterion.Value, certificate.Thumbprint, false) ||
                    HexEquals(criterion.Value, certificate.GetCertHashString(HashAlgorithmName.SHA256), false),
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var criterion in Criteria)
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(KeyMarker).Append(Name(criterion.Key)).Append(ValueMarker).Append(criterion.Value);
        }

        return builder.Length == 0 ? "(any certificate)" : builder.ToString();
    }

    private static List<CertificateSelectorCriterion> ParseText(string selector)
    {
        var criteria = new List<CertificateSelectorCriterion>();
        int start = 0;
        while (start < selector.Length)
        {
            if (string.CompareOrdinal(selector, start, KeyMarker, 0, KeyMarker.Length) != 0)
            {
                throw Invalid($"expected '{KeyMarker}' at position {start}");
            }

            int next = NextKey(selector, start + KeyMarker.Length);
            string part = selector[start..next].TrimEnd();
            int value = part.IndexOf(ValueMarker, StringComparison.Ordinal);
            if (value < 0)
            {
                throw Invalid($"'{part}' has no '{ValueMarker[1..]}'");
            }

            criteria.Add(Criterion(part[KeyMarker.Length..value], part[(value + ValueMarker.Length)..]));
            start = next;
        }

        return criteria;
    }

    /// <summary>The start of the next <c>Key=</c> that follows whitespace, or the end.</summary>
    private static int NextKey(string selector, int from)
    {
        for (int i = from; i < selector.Length - KeyMarker.Length; i++)
        {
            if (char.IsWhiteSpace(selector[i]) && string.CompareOrdinal(selector, i + 1, KeyMarker, 0, KeyMarker.Length) == 0)
            {
                return i + 1;
            }
        }

        return selector.Length;
    }

    private static List<CertificateSelectorCriterion> ParseFile(string path)
    {
        if (Interop.UnixFile.DescribeIfNotRegular(path) is { } kind)
        {
            throw new RolesAnywhereConfigurationException($"The certificate selector file '{path}' is {kind}, not a regular file, and is not read (it could block or never end).");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RolesAnywhereConfigurationException($"The certificate selector file '{path}' could not be read: {ex.Message}", ex);
        }

        var criteria = new List<CertificateSelectorCriterion>();
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                string key = element.GetProperty("Key").GetString() ?? string.Empty;
                string value = element.GetProperty("Value").GetString() ?? string.Empty;
                criteria.Add(Criterion(key, value));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new RolesAnywhereConfigurationException(
                $"The certificate selector file '{path}' is not a JSON array of {{\"Key\": \"x509Subject|x509Issuer|x509Serial|thumbprint\", \"Value\": \"…\"}} objects: {ex.Message}", ex);
        }

        return criteria;
    }

    private static CertificateSelectorCriterion Criterion(string key, string value)
    {
        var parsed = key.Trim() switch
        {
            "x509Subject" => CertificateSelectorKey.Subject,
            "x509Issuer" => CertificateSelectorKey.Issuer,
            "x509Serial" => CertificateSelectorKey.Serial,
            "thumbprint" or "Thumbprint" => CertificateSelectorKey.Thumbprint,
            _ => throw Invalid($"the key '{key}' is unknown (expected x509Subject, x509Issuer, x509Serial or thumbprint)"),
        };
        value = value.Trim();
        if (value.Length == 0)
        {
            throw Invalid($"the value for '{key}' is empty");
        }

        if (parsed is CertificateSelectorKey.Serial or CertificateSelectorKey.Thumbprint && !IsHex(Normalize(value)))
        {
            throw Invalid($"the value for '{key}' must be hexadecimal, got '{value}'");
        }

        return new CertificateSelectorCriterion(parsed, value);
    }

    private static string Name(CertificateSelectorKey key) => key switch
    {
        CertificateSelectorKey.Subject => "x509Subject",
        CertificateSelectorKey.Issuer => "x509Issuer",
        CertificateSelectorKey.Serial => "x509Serial",
        _ => "thumbprint",
    };

    private static bool HexEquals(string wanted, string actual, bool trimLeadingZeros)
    {
        string a = Normalize(wanted);
        string b = Normalize(actual);
        if (trimLeadingZeros)
        {
            a = a.TrimStart('0');
            b = b.TrimStart('0');
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalize(string hex) =>
        hex.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase);

    private static bool IsHex(string value) => value.Length > 0 && value.All(char.IsAsciiHexDigit);

    private static RolesAnywhereConfigurationException Invalid(string reason) =>
        new($"CertificateSelector is not valid: {reason}. Example: 'Key=x509Subject,Value=CN=my-workload Key=x509Issuer,Value=CN=My CA' or 'Key=x509Serial,Value=0A1B2C'.");
}
