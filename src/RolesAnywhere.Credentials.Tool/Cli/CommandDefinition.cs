namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>A subcommand: its name, what it does, and the flags it accepts.</summary>
internal sealed class CommandDefinition
{
    public CommandDefinition(string name, string summary, IReadOnlyDictionary<string, FlagKind> flags)
    {
        Name = name;
        Summary = summary;
        Flags = flags;
    }

    public string Name { get; }

    public string Summary { get; }

    public IReadOnlyDictionary<string, FlagKind> Flags { get; }
}
