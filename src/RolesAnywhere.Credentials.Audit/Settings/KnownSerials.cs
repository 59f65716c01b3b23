using RolesAnywhere.Credentials.Audit.Sessions;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>
/// The certificates a team expects to see: one serial per line, decimal, <c>0x…</c> hex, or as
/// <c>openssl x509 -serial</c> prints it (<c>serial=1F2E…</c>); blank lines and <c>#</c> comments are ignored.
/// </summary>
internal sealed class KnownSerials
{
    private readonly HashSet<SerialNumber> _serials;

    private KnownSerials(HashSet<SerialNumber> serials, string source)
    {
        _serials = serials;
        Source = source;
    }

    public string Source { get; }

    public int Count => _serials.Count;

    public bool Contains(SerialNumber serial) => _serials.Contains(serial);

    /// <exception cref="AuditInputException">A line is not a serial (the message names the file, line and the accepted forms).</exception>
    public static KnownSerials Parse(string text, string source)
    {
        var serials = new HashSet<SerialNumber>();
        var number = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            number++;
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            SerialNumber serial;
            var parsed = line.StartsWith("serial=", StringComparison.OrdinalIgnoreCase) ? SerialNumber.TryParseHex(line["serial=".Length..], out serial)
                : line.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? SerialNumber.TryParseHex(line, out serial)
                : SerialNumber.TryParseDecimal(line, out serial);
            if (!parsed)
            {
                throw new AuditInputException(
                    $"--known-serials {source}, line {number}: '{line}' is not a serial number. Write it in decimal, as 0x-prefixed hex, " +
                    "or as openssl prints it (serial=1F2E...); hex without a prefix is refused because '10' would be ambiguous.");
            }

            serials.Add(serial);
        }

        return new KnownSerials(serials, source);
    }
}
