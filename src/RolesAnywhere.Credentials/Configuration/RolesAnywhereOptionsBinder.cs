using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// Binds <see cref="RolesAnywhereOptions"/> from a configuration section by the one list of settings
/// (<see cref="RolesAnywhereSettings"/>), without reflection (trimming and AOT safe). Unknown keys and malformed
/// values are not ignored and do not stop the binding: each is kept in
/// <see cref="RolesAnywhereOptions.BindingFailures"/>, with a message naming the key and the expected form, and
/// <see cref="RolesAnywhereOptionsValidator"/> reports them with every other problem in one
/// <see cref="OptionsValidationException"/>. An absent or malformed key keeps the current value.
/// </summary>
internal sealed class RolesAnywhereOptionsBinder : IConfigureOptions<RolesAnywhereOptions>
{
    private readonly IConfiguration configuration;

    public RolesAnywhereOptionsBinder(IConfiguration configuration) => this.configuration = configuration;

    public void Configure(RolesAnywhereOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var child in configuration.GetChildren())
        {
            if (RolesAnywhereSettings.ByName(child.Key) is null)
            {
                options.BindingFailures.Add($"{PathOf(child.Key)} is not a Roles Anywhere setting (misspelled?); the settings are {string.Join(", ", RolesAnywhereSettings.All)}.");
            }
        }

        foreach (var setting in RolesAnywhereSettings.All)
        {
            if (configuration[setting.Name] is { Length: > 0 } text && !setting.TryApply(options, text, SettingSyntax.Configuration))
            {
                options.BindingFailures.Add($"{PathOf(setting.Name)}: '{text}' is not valid; expected {setting.Expected(SettingSyntax.Configuration)}.");
            }
        }
    }

    private string PathOf(string key) => configuration is IConfigurationSection section ? section.Path + ":" + key : key;
}
