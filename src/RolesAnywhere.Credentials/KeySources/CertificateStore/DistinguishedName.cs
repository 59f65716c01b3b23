using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>
/// Compares a distinguished name written by a user (<c>CN=app,O=Corp</c>, in either RDN order, with the
/// short names OpenSSL, Go and .NET use) with a certificate's name.
/// </summary>
internal static class DistinguishedName
{
    public static bool Equal(string written, X500DistinguishedName actual)
    {
        var wanted = Components(written);
        var present = Components(actual.Name);
        if (wanted.Count != present.Count)
        {
            return false;
        }

        foreach (string component in wanted)
        {
            if (!present.Remove(component))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits <c>A=x, B="y,z"</c> into normalised <c>A=x</c> and <c>B=y,z</c>.</summary>
    private static List<string> Components(string name)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '\\' && i + 1 < name.Length)
            {
                current.Append(name[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if ((c == ',' || c == ';' || c == '+') && !quoted)
            {
                Add(result, current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        Add(result, current.ToString());
        return result;
    }

    private static void Add(List<string> result, string component)
    {
        int equals = component.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            if (component.Trim().Length > 0)
            {
                result.Add(component.Trim().ToUpperInvariant());
            }

            return;
        }

        string type = component[..equals].Trim().ToUpperInvariant() switch
        {
            "S" => "ST",
            "E" or "EMAIL" => "EMAILADDRESS",
            "OID.2.5.4.5" => "SERIALNUMBER",
            var other => other,
        };
        result.Add(type + "=" + component[(equals + 1)..].Trim().ToUpperInvariant());
    }
}
