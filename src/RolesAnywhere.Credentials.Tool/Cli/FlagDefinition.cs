using System.Globalization;

namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>One flag of a command as help shows it: its name (without dashes), how it takes a value, and what it means.</summary>
internal sealed record FlagDefinition(string Name, FlagKind Kind, string Description)
{
    /// <summary>Gets the placeholder help shows for the value (<c>--port &lt;port&gt;</c>); <see langword="null"/> for switches.</summary>
    public string? ValueName { get; init; }

    /// <summary>Gets the value used when the flag is not given, as help shows it (<c>[default: 9911]</c>), or <see langword="null"/>.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Gets the values the flag takes, when it takes one of a few words; <see langword="null"/> otherwise.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Gets whether help marks the flag as required (the command itself reports it missing, with every other problem).</summary>
    public bool Required { get; init; }

    /// <summary>Returns a value flag.</summary>
    public static FlagDefinition Value(string name, string valueName, string description, object? defaultValue = null, bool required = false) =>
        new(name, FlagKind.Value, description) { ValueName = valueName, DefaultValue = defaultValue is null ? null : Convert.ToString(defaultValue, CultureInfo.InvariantCulture), Required = required };

    /// <summary>Returns a value flag that takes one of <paramref name="choices"/> (which completion offers).</summary>
    public static FlagDefinition Choice(string name, IEnumerable<string> choices, string description, string defaultValue)
    {
        var list = choices.ToArray();
        return new(name, FlagKind.Value, description) { ValueName = string.Join('|', list), Choices = list, DefaultValue = defaultValue };
    }

    /// <summary>Returns a switch (<c>--name</c>, or <c>--name=true|false</c>).</summary>
    public static FlagDefinition Switch(string name, string description) => new(name, FlagKind.Switch, description);

    /// <summary>Returns a value flag that may be given more than once, every value kept.</summary>
    public static FlagDefinition Repeated(string name, string valueName, string description) =>
        new(name, FlagKind.Repeated, description) { ValueName = valueName };

    /// <summary>Returns this flag with another description (the same flag means something more specific in one command).</summary>
    public FlagDefinition Meaning(string description) => this with { Description = description };

    /// <summary>Returns this flag marked as required.</summary>
    public FlagDefinition AsRequired() => this with { Required = true };
}
