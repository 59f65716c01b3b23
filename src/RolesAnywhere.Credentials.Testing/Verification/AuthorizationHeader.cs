namespace RolesAnywhere.Credentials.Testing.Verification;

/// <summary>The parsed parts of a SigV4 (or SigV4-X509) <c>Authorization</c> header.</summary>
internal sealed class AuthorizationHeader
{
    private AuthorizationHeader(string algorithm, string[] scope, string[] signedHeaders, string signature)
    {
        Algorithm = algorithm;
        CredentialScope = scope;
        SignedHeaders = signedHeaders;
        Signature = signature;
    }

    public string Algorithm { get; }

    /// <summary>Credential= split on '/': key id (serial or access key), date, region, service, terminator.</summary>
    public IReadOnlyList<string> CredentialScope { get; }

    public string KeyId => CredentialScope[0];

    public string ScopeDate => CredentialScope[1];

    public string ScopeRegion => CredentialScope[2];

    public string ScopeService => CredentialScope[3];

    /// <summary>The scope without the key id: date/region/service/aws4_request.</summary>
    public string Scope => string.Join('/', CredentialScope.Skip(1));

    public IReadOnlyList<string> SignedHeaders { get; }

    public string SignedHeadersText => string.Join(';', SignedHeaders);

    public string Signature { get; }

    /// <exception cref="RequestRejectedException">The header is missing or malformed.</exception>
    public static AuthorizationHeader Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RequestRejectedException.BadSignature("The Authorization header is missing.");
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw RequestRejectedException.BadSignature("The Authorization header has no algorithm followed by parameters.");
        }

        var algorithm = value[..space];
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in value[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw RequestRejectedException.BadSignature($"The Authorization parameter '{part}' is not name=value.");
            }

            var name = part[..equals];
            var parameter = part[(equals + 1)..];
            switch (name)
            {
                case "Credential" when credential is null: credential = parameter; break;
                case "SignedHeaders" when signedHeaders is null: signedHeaders = parameter; break;
                case "Signature" when signature is null: signature = parameter; break;
                default: throw RequestRejectedException.BadSignature($"The Authorization parameter '{name}' is unknown or repeated.");
            }
        }

        if (credential is null || signedHeaders is null || signature is null)
        {
            throw RequestRejectedException.BadSignature("The Authorization header needs Credential=, SignedHeaders= and Signature=.");
        }

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty) || scope[4] != "aws4_request")
        {
            throw RequestRejectedException.BadSignature($"Credential= must be key/date/region/service/aws4_request, got '{credential}'.");
        }

        var names = signedHeaders.Split(';');
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0 || !string.Equals(names[i], names[i].ToLowerInvariant(), StringComparison.Ordinal))
            {
                throw RequestRejectedException.BadSignature($"SignedHeaders= must list lower-case names, got '{signedHeaders}'.");
            }

            if (i > 0 && string.CompareOrdinal(names[i - 1], names[i]) >= 0)
            {
                throw RequestRejectedException.BadSignature($"SignedHeaders= must be sorted and unique, got '{signedHeaders}'.");
            }
        }

        return new AuthorizationHeader(algorithm, scope, names, signature);
    }
}
