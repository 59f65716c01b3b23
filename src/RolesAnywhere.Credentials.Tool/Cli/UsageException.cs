namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>The command line is wrong: printed to stderr with a hint, exit code 2, nothing was attempted.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message, string hint)
        : base(message)
    {
        Hint = hint;
    }

    public string Hint { get; }
}
