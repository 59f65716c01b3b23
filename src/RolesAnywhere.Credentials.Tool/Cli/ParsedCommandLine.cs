using System.Globalization;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>A command line after parsing: the subcommand and the flags given (switches hold "true" or "false").</summary>
internal sealed class ParsedCommandLine
{
    public ParsedCommandLine(
        CommandDefinition command, IReadOnlyDictionary<string, string> values, bool helpRequested,
        IReadOnlyList<string>? operands = null, IReadOnlyDictionary<string, List<string>>? repeated = null)
    {
        Command = command;
        Values = values;
        HelpRequested = helpRequested;
        Operands = operands ?? [];
        _repeated = repeated;
    }

    private readonly IReadOnlyDictionary<string, List<string>>? _repeated;

    /// <summary>The arguments that are not flags, in order (only for commands that declare <see cref="CommandDefinition.Operands"/>).</summary>
    public IReadOnlyList<string> Operands { get; }

    /// <summary>Every value of a <see cref="FlagKind.Repeated"/> flag, in order.</summary>
    public IReadOnlyList<string> GetAll(string flag) => _repeated is not null && _repeated.TryGetValue(flag, out var all) ? all : [];

    public CommandDefinition Command { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public bool HelpRequested { get; }


    public bool Has(string flag) => Values.ContainsKey(flag);

    public string? Get(string flag) => Values.TryGetValue(flag, out var value) ? value : null;

    public bool IsSet(string flag) => Values.TryGetValue(flag, out var value) && value == "true";

    public int GetInt32(string flag, int defaultValue, int min, int max)
    {
        var text = Get(flag);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException(
                $"--{flag} must be a whole number from {min} to {max}; got '{text}'.",
                $"Pass for example --{flag} {defaultValue}.");
        }

        return value;
    }
}
