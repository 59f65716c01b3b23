namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>A subcommand: its name, what it does, the flags it accepts, and the arguments that are not flags.</summary>
internal sealed class CommandDefinition
{
    public CommandDefinition(string name, string summary, IEnumerable<FlagDefinition> flags, string? operands = null, string? operandsDescription = null)
    {
        Name = name;
        Summary = summary;
        var byName = new Dictionary<string, FlagDefinition>(StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            // A command's own definition of a shared flag replaces the shared one (same place in help).
            byName[flag.Name] = flag;
        }

        Flags = byName;
        Operands = operands;
        OperandsDescription = operandsDescription;
    }

    /// <summary>Gets the name as typed: one word, or two for a command of a group (<c>policy lint</c>).</summary>
    public string Name { get; }

    public string Summary { get; }

    /// <summary>Gets the flags by name (without dashes), in the order help lists them.</summary>
    public IReadOnlyDictionary<string, FlagDefinition> Flags { get; }

    /// <summary>How help names the arguments that are not flags (<c>INPUT</c>); <see langword="null"/> when the command takes none.</summary>
    public string? Operands { get; }

    /// <summary>What the arguments that are not flags are, for help.</summary>
    public string? OperandsDescription { get; }
}
