using System.CommandLine;
using System.CommandLine.Help;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// Builds the System.CommandLine tree of <c>rolesanywhere</c> from <see cref="CommandDefinitions"/>. Only the command being run
/// gets its options and arguments (the others only their name and summary, which the top-level help and the "did you mean" of a
/// misspelled command need): a <c>credential-process</c> call, run for every AWS call, builds a tenth of the tree.
/// </summary>
internal static class ToolCommandTree
{
    /// <summary>Returns the tree with every command in full when <paramref name="full"/> is <see langword="null"/>, else with only that command in full.</summary>
    public static RootCommand Create(CommandDefinition? full)
    {
        var everything = full is null;
        var root = new RootCommand(ToolCommandLine.Description);
        foreach (var option in root.Options)
        {
            if (option is VersionOption)
            {
                // The tool's version, as the version command prints it (not the entry assembly's, which is the test host's in tests).
                option.Action = new VersionAction();
            }
        }

        Command? group = null;
        foreach (var definition in CommandDefinitions.All)
        {
            var words = definition.Name.Split(' ');
            var command = new Command(words[^1], definition.Summary);
            if (everything || ReferenceEquals(definition, full))
            {
                AddSymbols(command, definition);
            }

            if (words.Length == 1)
            {
                root.Subcommands.Add(command);
                continue;
            }

            if (group?.Name != words[0])
            {
                group = new Command(words[0], CommandDefinitions.PolicyGroupSummary);
                root.Subcommands.Add(group);
            }

            group.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Returns the definition a command of the tree was built from, or <see langword="null"/> for the root and a group.</summary>
    public static CommandDefinition? DefinitionOf(Command command) =>
        command.Parents.FirstOrDefault() is Command parent and not RootCommand
            ? CommandDefinitions.Find($"{parent.Name} {command.Name}")
            : command is RootCommand ? null : CommandDefinitions.Find(command.Name);

    /// <summary>The option of a flag: a switch is a <see cref="bool"/>, any other flag text; a repeated value flag keeps the last value.</summary>
    public static Option CreateOption(FlagDefinition flag)
    {
        Option option = flag.Kind switch
        {
            FlagKind.Switch => new Option<bool>("--" + flag.Name)
            {
                Arity = ArgumentArity.ZeroOrMore,
                CustomParser = result => result.Tokens.Count == 0 || bool.Parse(result.Tokens[^1].Value),
            },
            FlagKind.Repeated => new Option<string[]>("--" + flag.Name) { HelpName = flag.ValueName },
            _ => new Option<string>("--" + flag.Name)
            {
                // The official helper's flag library lets a later repetition win; System.CommandLine would refuse it.
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result => result.Tokens.Count == 0 ? flag.DefaultValue : result.Tokens[^1].Value,
                HelpName = flag.ValueName,
                DefaultValueFactory = flag.DefaultValue is { } shown ? _ => shown : null,
            },
        };
        if (flag.Choices is { } choices)
        {
            option.CompletionSources.Add(choices.ToArray());
        }

        option.Description = flag.Description;
        option.Required = flag.Required;
        return option;
    }

    private static void AddSymbols(Command command, CommandDefinition definition)
    {
        foreach (var flag in definition.Flags.Values)
        {
            command.Options.Add(CreateOption(flag));
        }

        if (definition.Operands is { } operands)
        {
            command.Arguments.Add(new Argument<string[]>(operands) { Arity = ArgumentArity.ZeroOrMore, Description = definition.OperandsDescription });
        }
    }
}
