using System.Net;

namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>
/// What a record's <c>sourceIPAddress</c> is, as the CloudTrail record contents reference documents the field
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html,
/// <c>sourceIPAddress</c>): "the IP address that the request was made from"; "for services in AWS, only the DNS name
/// is displayed" (such as <c>rolesanywhere.amazonaws.com</c>, <c>sts.amazonaws.com</c>); and <c>AWS Internal</c> when
/// CloudTrail redacts the address of a request made with a proxy client such as the AWS Management Console. Anything
/// else is not a documented value, and the audit reports it rather than skip it.
/// </summary>
internal static class SourceAddress
{
    /// <summary>The redacted value CloudTrail writes for console-proxied requests.</summary>
    public const string AwsInternal = "AWS Internal";

    private const string ServiceSuffix = ".amazonaws.com";

    /// <summary>DNS names are at most 253 characters (RFC 1035), so a longer "service name" is not one.</summary>
    private const int MaxDnsNameLength = 253;

    public static SourceAddressKind Classify(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return SourceAddressKind.Missing;
        }

        if (IPAddress.TryParse(value, out var address) && IsPlainAddress(value, address))
        {
            return SourceAddressKind.IpAddress;
        }

        if (value == AwsInternal)
        {
            return SourceAddressKind.AwsInternal;
        }

        return IsServiceName(value) ? SourceAddressKind.AwsService : SourceAddressKind.Unrecognized;
    }

    /// <summary>A short name of the kind, for counts in the summary ("3 from an AWS service name").</summary>
    public static string Describe(SourceAddressKind kind) => kind switch
    {
        SourceAddressKind.IpAddress => "from an IP address",
        SourceAddressKind.AwsService => "from an AWS service name",
        SourceAddressKind.AwsInternal => "from 'AWS Internal' (redacted: console or other proxy client)",
        SourceAddressKind.Missing => "without sourceIPAddress",
        _ => "from an unrecognized value (unrecognized-source-address)",
    };

    /// <summary>
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> also takes forms CloudTrail does not write (<c>1</c>,
    /// <c>0x7f.1</c>, a scope id); only dotted-quad IPv4 and IPv6 text count as addresses.
    /// </summary>
    private static bool IsPlainAddress(string value, IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? !value.Contains('%', StringComparison.Ordinal) && value.Contains(':', StringComparison.Ordinal)
            : value.Count(c => c == '.') == 3 && value.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>A DNS name under <c>amazonaws.com</c>: lowercase letters, digits, hyphens and dots, no empty label.</summary>
    private static bool IsServiceName(string value)
    {
        if (value.Length > MaxDnsNameLength || value.Length <= ServiceSuffix.Length || !value.EndsWith(ServiceSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var previous = '.';
        foreach (var c in value)
        {
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || (c == '.' && previous != '.');
            if (!ok)
            {
                return false;
            }

            previous = c;
        }

        return value[0] != '.' && value[0] != '-';
    }
}
