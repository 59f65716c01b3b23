using System.Net;
using System.Net.Sockets;

namespace RolesAnywhere.Credentials.Tool.Serve;

/// <summary>What <c>serve</c> listens on and answers with.</summary>
internal sealed class ServeSettings
{
    public const int DefaultPort = 9911;
    public const int DefaultHopLimit = 64;

    public required int Port { get; init; }

    public required int HopLimit { get; init; }

    public required string RoleArn { get; init; }

    public required string RoleName { get; init; }

    /// <summary>Where the container endpoint listens, or <see langword="null"/> when it is off.</summary>
    public IPEndPoint? ContainerEndpoint { get; init; }

    /// <summary>The token the container endpoint requires; never <see langword="null"/> when <see cref="ContainerEndpoint"/> is set.</summary>
    public string? ContainerToken { get; init; }

    /// <summary>How long a request waits for a refresh when no valid credentials are held, before answering 500.</summary>
    public TimeSpan WaitForCredentials { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Called with each accepted socket after its hop limit is set (a test seam; null in the tool).</summary>
    public Action<Socket>? ConnectionAccepted { get; init; }
}
