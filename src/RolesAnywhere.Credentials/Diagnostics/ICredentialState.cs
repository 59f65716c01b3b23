namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>The state of one credentials object: last refresh outcome, current expiry, certificate lifetime.</summary>
internal interface ICredentialState
{
    /// <summary>Gets a consistent copy of the current state.</summary>
    CredentialStateSnapshot Snapshot { get; }
}
