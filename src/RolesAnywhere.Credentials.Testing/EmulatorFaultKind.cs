namespace RolesAnywhere.Credentials.Testing;

/// <summary>The kinds of scripted failure a <see cref="RolesAnywhereEmulator"/> can play back.</summary>
public enum EmulatorFaultKind
{
    /// <summary>HTTP 429 <c>ThrottlingException</c>, with a <c>Retry-After</c> header when one is set.</summary>
    Throttle,

    /// <summary>HTTP 500 <c>InternalServerException</c>.</summary>
    InternalError,

    /// <summary>HTTP 503 <c>ServiceUnavailableException</c>.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted without an answer.</summary>
    ConnectionReset,

    /// <summary>The answer is held for a while, then the request is processed normally.</summary>
    Delay,

    /// <summary>HTTP 201 with a truncated JSON body.</summary>
    MalformedBody,

    /// <summary>HTTP 201 with an empty <c>credentialSet</c>.</summary>
    EmptyCredentialSet,
}
