using System.Globalization;

namespace RolesAnywhere.Credentials.Signing;

/// <summary>Checks a <see cref="SigningRequest"/> before anything is written, naming the bad part and the fix.</summary>
internal static class SigningRequestValidator
{
    /// <summary>The longest region accepted (today's longest region names have 14 characters).</summary>
    public const int MaxRegionLength = 64;

    /// <summary>Validates <paramref name="request"/>; returns the length of its canonical query.</summary>
    /// <exception cref="ArgumentException">A part of the request is missing or malformed.</exception>
    public static int Validate(in SigningRequest request, string paramName)
    {
        ValidateHost(request.Host, paramName);
        ValidatePath(request.Path, paramName);
        ValidateContentType(request.ContentType, paramName);
        ValidateRegion(request.Region, paramName);
        return CanonicalQueryWriter.GetLength(request.QueryParameters, paramName);
    }

    private static void ValidateHost(string? host, string paramName)
    {
        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException("SigningRequest.Host is missing: pass the Host header value, such as 'rolesanywhere.us-east-1.amazonaws.com' (RolesAnywhereRequestSigner.FormatHostHeader formats it from the endpoint).", paramName);
        }

        foreach (char c in host)
        {
            if (c is < (char)0x21 or > (char)0x7E)
            {
                throw new ArgumentException($"SigningRequest.Host '{host}' holds a character that cannot go in a Host header (whitespace, a control or non-ASCII character); pass the punycode host name and port exactly as sent.", paramName);
            }
        }
    }

    private static void ValidatePath(string? path, string paramName)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            throw new ArgumentException($"SigningRequest.Path '{path}' is not an absolute path; CreateSession is sent to '/sessions'.", paramName);
        }

        foreach (char c in path)
        {
            if (c != '/' && !Rfc3986Encoder.IsUnreserved(c))
            {
                throw new ArgumentException($"SigningRequest.Path '{path}' holds '{c}'; only RFC 3986 unreserved characters (A-Z a-z 0-9 - _ . ~) and '/' are supported. Pass query parameters through SigningRequest.QueryParameters.", paramName);
            }
        }

        if (path.Contains("/./", StringComparison.Ordinal) || path.Contains("/../", StringComparison.Ordinal)
            || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"SigningRequest.Path '{path}' has '.' or '..' segments, which HTTP clients rewrite before sending; pass the normalized path.", paramName);
        }
    }

    private static void ValidateContentType(string? contentType, string paramName)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            throw new ArgumentException("SigningRequest.ContentType is missing: pass the Content-Type header value exactly as sent, such as 'application/json'.", paramName);
        }

        foreach (char c in contentType)
        {
            if (c != '\t' && c is < (char)0x20 or > (char)0x7E)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"SigningRequest.ContentType holds the character U+{(int)c:X4}; a header value must be printable ASCII."), paramName);
            }
        }
    }

    private static void ValidateRegion(string? region, string paramName)
    {
        if (string.IsNullOrEmpty(region))
        {
            throw new ArgumentException("SigningRequest.Region is missing: pass the region of the endpoint, such as 'us-east-1'.", paramName);
        }

        if (region.Length > MaxRegionLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"SigningRequest.Region is {region.Length} characters long; a region name has at most {MaxRegionLength}."), paramName);
        }

        foreach (char c in region)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                throw new ArgumentException($"SigningRequest.Region '{region}' is not a region name: use lower-case letters, digits and '-', such as 'us-east-1'.", paramName);
            }
        }

        if (region.Contains("fips", StringComparison.Ordinal))
        {
            throw new ArgumentException($"SigningRequest.Region '{region}' names a FIPS pseudo-region; FIPS selects the endpoint host (rolesanywhere-fips.<region>.amazonaws.com) but the signature scope takes the plain region, such as 'us-east-1'.", paramName);
        }
    }
}
