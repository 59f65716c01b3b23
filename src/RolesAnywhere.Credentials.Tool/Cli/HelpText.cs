using System.Text;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>Usage text for the tool and for each command.</summary>
internal static class HelpText
{
    public static string ForTool()
    {
        var text = new StringBuilder();
        text.Append("rolesanywhere: AWS credentials from IAM Roles Anywhere (compatible with aws_signing_helper)\n\n");
        text.Append("Usage: rolesanywhere <command> [flags]\n\nCommands:\n");
        foreach (var command in CommandDefinitions.All)
        {
            text.Append("  ").Append(command.Name.PadRight(24)).Append(command.Summary).Append('\n');
        }

        text.Append("\nRun 'rolesanywhere <command> --help' for the flags of a command.\n");
        return text.ToString();
    }

    public static string ForCommand(CommandDefinition command)
    {
        var text = new StringBuilder();
        text.Append("Usage: rolesanywhere ").Append(command.Name).Append(" [flags]").Append(command.Operands is null ? string.Empty : " " + command.Operands).Append("\n\n").Append(command.Summary).Append("\n\nFlags:\n");
        foreach (var (name, kind) in command.Flags.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append("  --").Append(name);
            if (kind == FlagKind.Value)
            {
                text.Append(" <value>");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
