namespace RolesAnywhere.Credentials;

/// <summary>
/// Credentials are unavailable because of the local configuration: a missing or unreadable file, a key
/// that does not match its certificate, an expired certificate, an invalid ARN. Nothing was sent to
/// the service. The message names the input and the fix.
/// </summary>
public class RolesAnywhereConfigurationException : RolesAnywhereException
{
    private readonly IReadOnlyList<string>? _failures;

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong, naming the input and the fix.</param>
    public RolesAnywhereConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong, naming the input and the fix.</param>
    /// <param name="innerException">The underlying error.</param>
    public RolesAnywhereConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance listing every problem found (one message names them all).</summary>
    internal RolesAnywhereConfigurationException(IReadOnlyList<string> failures)
        : base(Sessions.SessionSettings.FormatFailures(failures))
    {
        _failures = failures;
    }

    /// <summary>Gets each problem on its own (the message joins them).</summary>
    internal IReadOnlyList<string> Failures => _failures ?? [Message];
}
