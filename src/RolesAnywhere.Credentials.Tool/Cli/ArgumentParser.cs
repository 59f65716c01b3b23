namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// Parses <c>rolesanywhere &lt;command&gt; [--flag value | --flag=value | --switch]…</c> the way the
/// official helper's flag library does: a later repetition of a flag wins, switches also take
/// <c>=true</c>/<c>=false</c>, and a single leading dash is accepted.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("No command given.", "Run 'rolesanywhere --help' to list the commands.");
        }

        // A command group ("policy") takes its subcommand as the second word: "policy lint".
        var first = args.Count > 1 && CommandDefinitions.IsGroup(args[0]) && !args[1].StartsWith('-') ? 2 : 1;
        var commandName = first == 2 ? $"{args[0]} {args[1]}" : args[0];
        if (first == 1 && CommandDefinitions.IsGroup(commandName))
        {
            var subcommands = CommandDefinitions.All.Where(c => c.Name.StartsWith(commandName + " ", StringComparison.Ordinal)).Select(c => c.Name);
            throw new UsageException($"'{commandName}' needs a subcommand: {string.Join(", ", subcommands)}.", $"Run 'rolesanywhere {commandName} <subcommand> --help' for its flags.");
        }

        var command = CommandDefinitions.Find(commandName)
            ?? throw new UsageException(
                $"Unknown command '{commandName}'.",
                "The commands are: " + string.Join(", ", CommandDefinitions.All.Select(c => c.Name)) + ".");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var operands = new List<string>();
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var help = false;
        for (var i = first; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-help")
            {
                help = true;
                continue;
            }

            if (command.Operands is not null && (!arg.StartsWith('-') || arg is "-" or "--"))
            {
                // "--" ends the flags: everything after it is an operand, even when it starts with a dash.
                operands.AddRange(arg == "--" ? args.Skip(i + 1) : [arg]);
                i = arg == "--" ? args.Count : i;
                continue;
            }

            if (!arg.StartsWith('-') || arg is "-" or "--")
            {
                throw new UsageException(
                    $"Unexpected argument '{arg}': '{command.Name}' takes only flags.",
                    $"Run 'rolesanywhere {command.Name} --help' for its flags.");
            }

            var body = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg[1..];
            string? inline = null;
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = body[(equals + 1)..];
                body = body[..equals];
            }

            if (!command.Flags.TryGetValue(body, out var kind))
            {
                throw new UsageException(
                    $"Unknown flag --{body} for '{command.Name}'.",
                    $"Run 'rolesanywhere {command.Name} --help' for its flags.");
            }

            if (kind == FlagKind.Switch)
            {
                values[body] = inline switch
                {
                    null or "true" or "1" => "true",
                    "false" or "0" => "false",
                    _ => throw new UsageException($"--{body} is a switch; '{inline}' is not true or false.", $"Write --{body} or --{body}=false."),
                };
                continue;
            }

            if (inline is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"--{body} needs a value.", $"Write --{body} <value> or --{body}=<value>.");
                }

                inline = args[++i];
            }

            values[body] = inline;
            if (kind == FlagKind.Repeated)
            {
                if (!repeated.TryGetValue(body, out var all))
                {
                    all = [];
                    repeated[body] = all;
                }

                all.Add(inline);
            }
        }

        return new ParsedCommandLine(command, values, help, operands, repeated);
    }
}
