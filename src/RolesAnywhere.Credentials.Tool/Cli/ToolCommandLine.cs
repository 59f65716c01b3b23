using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using RolesAnywhere.Credentials.Tool.Commands;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// The command line of <c>rolesanywhere</c> on System.CommandLine: the command tree from <see cref="CommandDefinitions"/>, parsing,
/// and wrong command lines turned into one <see cref="UsageException"/> (message and hint, exit code 2) in the words of the
/// official helper's tool. Help, <c>--version</c> and the <c>[suggest]</c> directive are System.CommandLine's actions.
/// </summary>
internal static class ToolCommandLine
{
    public const string Description = "rolesanywhere: AWS credentials from IAM Roles Anywhere (compatible with aws_signing_helper)";

    private static readonly ParserConfiguration Configuration = new()
    {
        // "@file" is a value (a path, a role session name), never a response file to expand.
        ResponseFileTokenReplacer = null,
    };

    /// <summary>Parses <paramref name="args"/> into a command and its flags, or a built-in action (help, version, suggestions).</summary>
    /// <exception cref="UsageException">The command line is wrong; the message names the input, the hint the fix.</exception>
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("No command given.", "Run 'rolesanywhere --help' to list the commands.");
        }

        var (invoked, firstFlag) = Invoked(args);
        var root = ToolCommandTree.Create(args[0].StartsWith('[') ? null : invoked);
        var result = root.Parse(GoFlagSyntax.Normalize(args, invoked, firstFlag), Configuration);
        if (IsBuiltIn(result) && !(result.Action is HelpAction && ToolCommandTree.DefinitionOf(result.CommandResult.Command) is null && result.UnmatchedTokens.Count > 0))
        {
            // Help, --version or [suggest]: System.CommandLine's own, which ignore the rest of the line (but help for an unknown command is an error).
            return result;
        }

        Check(result);
        return result;
    }

    /// <summary>Returns whether <paramref name="result"/> asks for an action of System.CommandLine (help, <c>--version</c>, <c>[suggest]</c>) rather than a command.</summary>
    public static bool IsBuiltIn(ParseResult result) => result.Action is not null and not ParseErrorAction;

    /// <summary>Runs a built-in action of <paramref name="result"/> (help, <c>--version</c>, <c>[suggest]</c>) with the tool's streams.</summary>
    public static async Task<int> InvokeBuiltInAsync(ParseResult result, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var code = result.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = environment.Stderr,
            EnableDefaultExceptionHandler = false,

            // Program handles SIGINT and SIGTERM for every command.
            ProcessTerminationTimeout = null,
        });
        await ToolApplication.WriteAsync(environment.Stdout, output.ToString(), cancellationToken).ConfigureAwait(false);
        return code;
    }

    /// <summary>Parses <paramref name="args"/>, which must name a command to run (not help or a directive).</summary>
    /// <exception cref="UsageException">The command line is wrong.</exception>
    public static ParsedCommandLine ParseCommand(IReadOnlyList<string> args) => ParsedCommandLine.From(Parse(args));

    /// <summary>The command the first words name (<c>policy lint</c> takes two), and the index of the first argument after them.</summary>
    private static (CommandDefinition? Command, int FirstFlag) Invoked(IReadOnlyList<string> args)
    {
        if (args.Count > 1 && CommandDefinitions.IsGroup(args[0]) && CommandDefinitions.Find($"{args[0]} {args[1]}") is { } sub)
        {
            return (sub, 2);
        }

        return (CommandDefinitions.Find(args[0]), 1);
    }

    private static void Check(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var definition = ToolCommandTree.DefinitionOf(command);
        var helpHint = definition is null ? "Run 'rolesanywhere --help' to list the commands." : $"Run 'rolesanywhere {definition.Name} --help' for its flags.";
        if (result.UnmatchedTokens.Count > 0)
        {
            throw Unmatched(result.UnmatchedTokens[0], command, definition, helpHint);
        }

        if (definition?.Operands is not null && UnknownFlagAmongOperands(result) is { } dashed)
        {
            throw Unmatched(dashed, command, definition, helpHint);
        }

        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult { Implicit: true }:
                    // A required flag not given: the command reports it with every other problem, in its own words.
                    continue;
                case OptionResult { Option.Name: var name } option when option.Tokens.Count == 0:
                    var flag = name.TrimStart('-');
                    throw new UsageException($"--{flag} needs a value.", $"Write --{flag} <value> or --{flag}=<value>.");
                case CommandResult when definition is null && command.Subcommands.Count > 0 && !ReferenceEquals(command, result.RootCommandResult.Command):
                    var names = command.Subcommands.Select(s => $"{command.Name} {s.Name}");
                    throw new UsageException($"'{command.Name}' needs a subcommand: {string.Join(", ", names)}.", $"Run 'rolesanywhere {command.Name} <subcommand> --help' for its flags.");
                default:
                    throw new UsageException(error.Message, helpHint);
            }
        }
    }

    /// <summary>An argument nobody took: an unknown command, an unknown flag, or a word where the command takes only flags.</summary>
    private static UsageException Unmatched(string token, Command command, CommandDefinition? definition, string helpHint)
    {
        if (definition is null)
        {
            var prefix = command is RootCommand ? string.Empty : command.Name + " ";
            var candidates = command.Subcommands.Select(s => prefix + s.Name);
            return new UsageException(
                $"Unknown command '{prefix}{token}'.",
                Suggestions.DidYouMean(prefix + token, candidates) is { } close
                    ? $"{close} {helpHint}"
                    : "The commands are: " + string.Join(", ", CommandDefinitions.All.Select(c => c.Name)) + ".");
        }

        if (token.Length > 1 && token[0] == '-')
        {
            var name = token.TrimStart('-').Split('=', 2)[0];
            var flags = definition.Flags.Keys.Select(f => "--" + f);
            var elsewhere = CommandDefinitions.All.Where(c => c.Flags.ContainsKey(name)).Select(c => c.Name).ToList();
            var hint = Suggestions.DidYouMean("--" + name, flags)
                ?? (elsewhere.Count > 0 ? $"--{name} is a flag of {string.Join(", ", elsewhere)}." : null);
            return new UsageException($"Unknown flag --{name} for '{definition.Name}'.", hint is null ? helpHint : $"{hint} {helpHint}");
        }

        return definition.Operands is null
            ? new UsageException($"Unexpected argument '{token}': '{definition.Name}' takes only flags.", helpHint)
            : new UsageException($"Unexpected argument '{token}'.", helpHint);
    }

    /// <summary>A command that takes operands takes words, not unknown flags: a dashed word before <c>--</c> is a misspelled flag.</summary>
    private static string? UnknownFlagAmongOperands(ParseResult result)
    {
        var operands = result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (operands.Contains(token) && token.Value.Length > 1 && token.Value[0] == '-')
            {
                return token.Value;
            }
        }

        return null;
    }
}
