using System.Text;
using RolesAnywhere.Credentials.KeySources.CertificateStore;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary><c>--cert-selector</c> values: <c>Key=x509Subject,Value=…</c> lists and <c>file://</c> JSON selectors.</summary>
internal static class CertSelectorTarget
{
    public static readonly FuzzTarget Target = new("cert-selector", "CertificateSelector.Parse", Run);

    private static readonly Lazy<string> SelectorFile = new(() => Path.Combine(Path.GetTempPath(), $"rolesanywhere-fuzz-selector-{Environment.ProcessId}.json"));

    private static void Run(byte[] data)
    {
        // Inputs starting with '[' are the JSON of a file:// selector (written to a file the harness owns); the
        // rest are the flag's value, except file:// values, which would read whatever file the fuzzer names.
        var text = Encoding.UTF8.GetString(data);
        if (text.StartsWith('['))
        {
            File.WriteAllText(SelectorFile.Value, text);
            text = "file://" + SelectorFile.Value;
        }
        else if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            _ = CertificateSelector.Parse(text);
        }
        catch (RolesAnywhereConfigurationException)
        {
        }
    }
}
