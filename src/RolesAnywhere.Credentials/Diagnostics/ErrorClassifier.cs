namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>Maps a failed attempt to the low-cardinality <c>error.type</c> that metrics and spans carry.</summary>
internal static class ErrorClassifier
{
    public const string Timeout = "timeout";
    public const string Network = "network";
    public const string Configuration = "configuration";

    public static string Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RolesAnywhereServiceException { ErrorType: { Length: > 0 } type } => type,
            RolesAnywhereServiceException { StatusCode: { } status } => "http_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            RolesAnywhereServiceException service => ClassifyTransport(service.InnerException) ?? Network,
            RolesAnywhereConfigurationException => Configuration,
            _ => ClassifyTransport(exception) ?? exception.GetType().Name,
        };
    }

    private static string? ClassifyTransport(Exception? exception) => exception switch
    {
        null => null,
        TimeoutException or OperationCanceledException => Timeout,
        HttpRequestException or System.Net.Sockets.SocketException or IOException => Network,
        _ => ClassifyTransport(exception.InnerException),
    };
}
