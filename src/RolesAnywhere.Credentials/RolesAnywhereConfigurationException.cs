namespace RolesAnywhere.Credentials;

/// <summary>
/// Credentials are unavailable because of the local configuration: a missing or unreadable file, a key
/// that does not match its certificate, an expired certificate, an invalid ARN. Nothing was sent to
/// the service. The message names the input and the fix.
/// </summary>
public class RolesAnywhereConfigurationException : RolesAnywhereException
{
    private readonly IReadOnlyList<Configuration.SettingProblem>? _problems;

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

    /// <summary>Initializes a new instance listing every problem found (one message names them all, each by its option name).</summary>
    /// <param name="problems">Every problem, at least one.</param>
    internal RolesAnywhereConfigurationException(IReadOnlyList<Configuration.SettingProblem> problems)
        : base(Configuration.SettingProblem.Format(problems))
    {
        _problems = problems;
    }

    /// <summary>
    /// Gets each problem on its own, with the setting it is about, so that a caller can name the setting in its own
    /// terms (the command-line tool names its flags); an exception made from a message alone holds that message as
    /// one problem about no particular setting.
    /// </summary>
    internal IReadOnlyList<Configuration.SettingProblem> Problems => _problems ?? [new Configuration.SettingProblem(null, Message)];

    /// <summary>Gets whether <see cref="Problems"/> came from a check of the settings (rather than from the message alone).</summary>
    internal bool HasSettingProblems => _problems is not null;

    /// <summary>Gets each problem on its own as the library states it (the message joins them).</summary>
    internal IEnumerable<string> Failures => Problems.Select(p => p.ToString());
}
