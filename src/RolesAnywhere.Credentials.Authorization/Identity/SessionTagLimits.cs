using System.Text.RegularExpressions;

namespace RolesAnywhere.Credentials.Authorization.Identity;

/// <summary>
/// The STS limits a principal tag must fit: at most 50 session tags, keys of 1–128 and values of 0–256 characters
/// matching <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]</c>.
/// Source: STS Tag data type, https://docs.aws.amazon.com/STS/latest/APIReference/API_Tag.html, and the quota note in
/// https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping.html (session tag quotas).
/// </summary>
internal static partial class SessionTagLimits
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Why the value cannot be a session tag value, or <see langword="null"/> when it can.</summary>
    public static string? ValueProblem(string value)
    {
        if (value.Length > MaxValueLength)
        {
            return $"the value has {value.Length} characters; a session tag value holds at most {MaxValueLength}";
        }

        return ValuePattern().IsMatch(value)
            ? null
            : "the value has characters a session tag value cannot hold (allowed: letters, digits, spaces and _ . : / = + - @)";
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
