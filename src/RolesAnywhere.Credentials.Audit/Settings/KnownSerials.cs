using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>
/// The certificates a team expects to see: one serial per line in a spelling <see cref="CertificateSerialNumber"/>
/// accepts — hex as the audit prints it (<c>1f2e</c>; a bare number such as <c>1234</c> is hex), <c>0x1f2e</c>,
/// <c>serial=1F2E</c> (<c>openssl x509 -serial</c>), <c>1f:2e</c> (<c>openssl x509 -text</c>), or decimal with its
/// marker (<c>decimal:7982</c>); blank lines and <c>#</c> comments are ignored.
/// </summary>
internal sealed class KnownSerials
{
    private readonly HashSet<CertificateSerialNumber> _serials;

    private KnownSerials(HashSet<CertificateSerialNumber> serials, string source)
    {
        _serials = serials;
        Source = source;
    }

    public string Source { get; }

    public int Count => _serials.Count;

    public bool Contains(CertificateSerialNumber serial) => _serials.Contains(serial);

    /// <exception cref="AuditInputException">A line is not a serial (the message names the file, line and the accepted forms).</exception>
    public static KnownSerials Parse(string text, string source)
    {
        var serials = new HashSet<CertificateSerialNumber>();
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

            if (!CertificateSerialNumber.TryParse(line, out var serial))
            {
                throw new AuditInputException(
                    $"--known-serials {source}, line {number}: '{Shorten(line)}' is not a serial number. {CertificateSerialNumber.AcceptedSpellings}");
            }

            serials.Add(serial);
        }

        return new KnownSerials(serials, source);
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : string.Concat(line.AsSpan(0, 77), "...");
}
