namespace RolesAnywhere.Credentials.Configuration;

/// <summary>Where a setting's text comes from, which decides how some kinds are spelled.</summary>
internal enum SettingSyntax
{
    /// <summary>A configuration section (<c>appsettings.json</c>, environment variables): durations as <c>01:00:00</c>.</summary>
    Configuration,

    /// <summary>A shared config profile (<c>~/.aws/config</c>): durations in seconds, <c>~/</c> paths expanded.</summary>
    Profile,
}
