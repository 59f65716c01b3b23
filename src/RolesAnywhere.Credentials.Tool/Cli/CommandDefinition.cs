namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>A subcommand: its name, what it does, and the flags it accepts.</summary>
internal sealed class CommandDefinition
{
    public CommandDefinition(string name, string summary, IReadOnlyDictionary<string, FlagKind> flags, string? operands = null)
    {
        Name = name;
        Summary = summary;
        Flags = flags;
        Operands = operands;
    }

    public string Name { get; }

    public string Summary { get; }

    public IReadOnlyDictionary<string, FlagKind> Flags { get; }

    /// <summary>Gets how the help names the arguments that are not flags (<c>FILE…</c>), or <see langword="null"/> when the command takes only flags.</summary>
    public string? Operands { get; }
}
