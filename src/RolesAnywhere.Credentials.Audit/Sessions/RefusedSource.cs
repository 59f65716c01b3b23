namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>The refused CreateSession calls from one source address: how many, and how many were kept for the rules.</summary>
internal sealed class RefusedSource
{
    public long Total { get; set; }

    public int Kept { get; set; }

    /// <summary>Calls counted but not kept (the per-address or overall cap was reached).</summary>
    public long NotKept => Total - Kept;
}
