namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>An ARN split into <c>arn:partition:service:region:account:resource</c>.</summary>
internal sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? value, out Arn arn)
    {
        arn = null!;
        var parts = value?.Split(':', 6);
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The last path segment of the resource (a role's name, a trust anchor's id).</summary>
    public string Name => Resource[(Resource.LastIndexOf('/') + 1)..];

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
