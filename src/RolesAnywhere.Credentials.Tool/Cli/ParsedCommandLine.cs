using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>A command line after parsing: the subcommand and the flags given (switches hold "true" or "false").</summary>
internal sealed class ParsedCommandLine
{
    private readonly IReadOnlyDictionary<string, List<string>> _repeated;

    public ParsedCommandLine(
        CommandDefinition command, IReadOnlyDictionary<string, string> values,
        IReadOnlyList<string>? operands = null, IReadOnlyDictionary<string, List<string>>? repeated = null)
    {
        Command = command;
        Values = values;
        Operands = operands ?? [];
        _repeated = repeated ?? new Dictionary<string, List<string>>();
    }

    public CommandDefinition Command { get; }

    /// <summary>Gets the flags given, by name: the last value of each (a default is not a given value).</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The arguments that are not flags, in order (only for commands that declare <see cref="CommandDefinition.Operands"/>).</summary>
    public IReadOnlyList<string> Operands { get; }

    /// <summary>Reads the flags given to the command <paramref name="result"/> names.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="result"/> names no command of the tool (help, a directive).</exception>
    public static ParsedCommandLine From(ParseResult result)
    {
        var command = ToolCommandTree.DefinitionOf(result.CommandResult.Command)
            ?? throw new InvalidOperationException("The command line names no command to run.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var operands = new List<string>();
        foreach (var child in result.CommandResult.Children)
        {
            if (child is ArgumentResult argument)
            {
                operands.AddRange(argument.Tokens.Select(t => t.Value));
                continue;
            }

            if (child is not OptionResult { Implicit: false } option)
            {
                continue;
            }

            var name = option.Option.Name.TrimStart('-');
            var kind = command.Flags[name].Kind;
            var tokens = option.Tokens.Select(t => t.Value).ToList();
            values[name] = kind == FlagKind.Switch
                ? (tokens.Count == 0 || bool.Parse(tokens[^1]) ? "true" : "false")
                : tokens[^1];
            if (kind == FlagKind.Repeated)
            {
                repeated[name] = tokens;
            }
        }

        return new ParsedCommandLine(command, values, operands, repeated);
    }

    /// <summary>Every value of a <see cref="FlagKind.Repeated"/> flag, in order.</summary>
    public IReadOnlyList<string> GetAll(string flag) => _repeated.TryGetValue(flag, out var all) ? all : [];

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
