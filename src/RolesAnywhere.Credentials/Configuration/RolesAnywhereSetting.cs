using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// One setting of <see cref="RolesAnywhereOptions"/> that can be given as text, and every name it goes by: the
/// property (which is also its configuration key), the key of a shared config profile, and the flag of the official
/// helper's command line. <see cref="RolesAnywhereSettings.All"/> lists them; configuration binding, the profile
/// reader, the tool's flags and the profile fingerprint all read that list, so a setting is added in one place.
/// </summary>
internal sealed class RolesAnywhereSetting(string name, SettingKind kind, string? profileKey, string? toolFlag, Func<RolesAnywhereOptions, object?> get, Action<RolesAnywhereOptions, object?> set, string? profileExpected)
{
    private static readonly RolesAnywhereOptions Defaults = new();

    private readonly Func<RolesAnywhereOptions, object?> _get = get;
    private readonly Action<RolesAnywhereOptions, object?> _set = set;
    private readonly string? _profileExpected = profileExpected;

    /// <summary>Gets the property name, which is also the configuration key (<c>RolesAnywhere:Name</c>).</summary>
    public string Name { get; } = name;

    /// <summary>Gets the type of the value.</summary>
    public SettingKind Kind { get; } = kind;

    /// <summary>Gets the key in a shared config profile (<c>roles_anywhere_…</c>), or <see langword="null"/> when profiles do not have it.</summary>
    public string? ProfileKey { get; } = profileKey is null ? null : RolesAnywhereSettings.ProfilePrefix + profileKey;

    /// <summary>Gets the command-line flag without its dashes, as <c>aws_signing_helper</c> spells it, or <see langword="null"/> when the tool has none.</summary>
    public string? ToolFlag { get; } = toolFlag;

    /// <summary>Describes a setting.</summary>
    internal static RolesAnywhereSetting Of<T>(string name, SettingKind kind, string? profileKey, string? toolFlag, Func<RolesAnywhereOptions, T> get, Action<RolesAnywhereOptions, T> set, string? profileExpected = null) =>
        new(name, kind, profileKey, toolFlag, o => get(o), (o, v) => set(o, (T)v!), profileExpected);

    /// <summary>Gets the value of the setting in <paramref name="options"/>, as invariant text (<see langword="null"/> when unset).</summary>
    public string? Format(RolesAnywhereOptions options) => Convert.ToString(_get(options), CultureInfo.InvariantCulture);

    /// <summary>Parses <paramref name="text"/> and sets it on <paramref name="options"/>; <see langword="false"/> (options unchanged) when it is malformed.</summary>
    public bool TryApply(RolesAnywhereOptions options, string text, SettingSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, syntax, out var value))
        {
            return false;
        }

        _set(options, value);
        return true;
    }

    /// <summary>Gets what a valid value looks like, for messages.</summary>
    public string Expected(SettingSyntax syntax) => Kind switch
    {
        SettingKind.Boolean => "true or false",
        SettingKind.Duration when syntax == SettingSyntax.Profile => _profileExpected ?? "a number of seconds",
        SettingKind.Duration => "a duration such as " + Format(Defaults),
        SettingKind.Int32 => "a whole number such as " + Format(Defaults),
        SettingKind.Uri => "an absolute URI such as https://rolesanywhere.eu-west-1.amazonaws.com",
        SettingKind.StoreLocation => "CurrentUser or LocalMachine",
        _ => "text",
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    private bool TryParse(string text, SettingSyntax syntax, out object? value)
    {
        var trimmed = text.Trim();
        value = null;
        switch (Kind)
        {
            case SettingKind.Text:
                value = text;
                return true;
            case SettingKind.Path:
                value = syntax == SettingSyntax.Profile ? ExpandHome(trimmed) : text;
                return true;
            case SettingKind.Boolean when bool.TryParse(trimmed, out var flag):
                value = flag;
                return true;
            case SettingKind.Duration when syntax == SettingSyntax.Profile && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds):
                value = TimeSpan.FromSeconds(seconds);
                return true;
            case SettingKind.Duration when syntax != SettingSyntax.Profile && TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var duration):
                value = duration;
                return true;
            case SettingKind.Int32 when int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                value = number;
                return true;
            case SettingKind.Uri when System.Uri.TryCreate(trimmed, UriKind.Absolute, out var uri):
                value = uri;
                return true;
            case SettingKind.StoreLocation when Enum.TryParse<StoreLocation>(trimmed, ignoreCase: true, out var location) && Enum.IsDefined(location):
                value = location;
                return true;
            default:
                return false;
        }
    }

    private static string ExpandHome(string path)
    {
        if (!(path == "~" || path.StartsWith("~/", StringComparison.Ordinal)))
        {
            return path;
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path.Length == 1 ? home : System.IO.Path.Combine(home, path[2..]);
    }
}
