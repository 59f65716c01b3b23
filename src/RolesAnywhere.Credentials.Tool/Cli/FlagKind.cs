namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>How a flag takes its value.</summary>
internal enum FlagKind
{
    /// <summary>A value follows: <c>--name value</c> or <c>--name=value</c>.</summary>
    Value,

    /// <summary>A switch: <c>--name</c>, or <c>--name=true|false</c>.</summary>
    Switch,

    /// <summary>A value flag that may be given more than once; every value is kept (<see cref="ParsedCommandLine.GetAll"/>).</summary>
    Repeated,
}
