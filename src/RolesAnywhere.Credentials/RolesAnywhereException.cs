namespace RolesAnywhere.Credentials;

/// <summary>
/// The base of every error this library raises. Catch <see cref="RolesAnywhereConfigurationException"/>
/// for problems found before anything was sent, and <see cref="RolesAnywhereServiceException"/> for a
/// request the service (or the network on the way to it) refused.
/// </summary>
public class RolesAnywhereException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    public RolesAnywhereException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    public RolesAnywhereException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
