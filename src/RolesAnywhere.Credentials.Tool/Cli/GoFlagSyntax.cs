namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// The spellings of the official helper's flag library that System.CommandLine reads differently, rewritten before parsing
/// so existing command lines keep working: a single leading dash (<c>-debug</c>, <c>-region=x</c>), switches given a value
/// (<c>--debug=true</c>, <c>=1</c>, <c>=false</c>, <c>=0</c>), and an empty inline value (<c>--role-session-name=</c>,
/// which must not take the next argument as its value). Arguments after <c>--</c> are left alone.
/// </summary>
internal static class GoFlagSyntax
{
    /// <exception cref="UsageException">A switch was given a value that is not true or false.</exception>
    public static List<string> Normalize(IReadOnlyList<string> args, CommandDefinition? command, int firstFlag)
    {
        var result = new List<string>(args.Count + 1);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i < firstFlag || command is null)
            {
                result.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                result.AddRange(args.Skip(i));
                break;
            }

            if (arg.Length < 3 || arg[0] != '-')
            {
                result.Add(arg);
                continue;
            }

            var body = arg[1] == '-' ? arg.AsSpan(2) : arg.AsSpan(1);
            var equals = body.IndexOf('=');
            var name = (equals < 0 ? body : body[..equals]).ToString();
            if (!command.Flags.TryGetValue(name, out var flag))
            {
                // "-help" as the official helper accepts it; anything else is System.CommandLine's to report.
                result.Add(name == "help" ? "--help" : arg);
                continue;
            }

            if (equals < 0)
            {
                result.Add("--" + name);
                if (flag.Kind != FlagKind.Switch && i + 1 < args.Count)
                {
                    // The value, taken as written even when it starts with a dash.
                    result.Add(args[++i]);
                }
            }
            else if (flag.Kind == FlagKind.Switch)
            {
                var value = body[(equals + 1)..].ToString();
                result.Add(value switch
                {
                    "true" or "1" => "--" + name,
                    "false" or "0" => $"--{name}=false",
                    _ => throw new UsageException($"--{name} is a switch; '{value}' is not true or false.", $"Write --{name} or --{name}=false."),
                });
            }
            else
            {
                result.Add("--" + name);
                result.Add(body[(equals + 1)..].ToString());
            }
        }

        return result;
    }
}
