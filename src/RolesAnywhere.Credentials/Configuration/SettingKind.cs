namespace RolesAnywhere.Credentials.Configuration;

/// <summary>The type of a setting's value, which decides how its text is parsed.</summary>
internal enum SettingKind
{
    /// <summary>Text taken as given.</summary>
    Text,

    /// <summary>A file path (or a key reference); in a profile, <c>~/</c> is the home folder.</summary>
    Path,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A duration: <c>01:00:00</c> in configuration, a number of seconds in a profile.</summary>
    Duration,

    /// <summary>A whole number.</summary>
    Int32,

    /// <summary>An absolute URI.</summary>
    Uri,

    /// <summary>A certificate store location, <c>CurrentUser</c> or <c>LocalMachine</c>.</summary>
    StoreLocation,
}
