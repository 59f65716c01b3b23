using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Text;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Trust;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>inspect</c>: what IAM will see of a certificate (source identity, session name, principal tags under the profile's mapping,
/// dropped attributes), its validity, its chain to a trust anchor certificate and a CRL, and every requirement problem.
/// Exit 0 without error-level problems, 1 with.
/// </summary>
internal static class InspectCommand
{
    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var json = TrustInputs.Json(parsed);
        var mapping = TrustInputs.Mapping(parsed);
        using var certificate = TrustInputs.Certificate(parsed);
        var intermediates = TrustInputs.Certificates(parsed, Flags.Intermediates);
        var anchors = TrustInputs.Certificates(parsed, Flags.TrustAnchorCertificate);
        try
        {
            var crl = parsed.Get(Flags.Crl) is { } crlPath ? TrustInputs.Bytes("--" + Flags.Crl, crlPath) : null;
            var identity = SessionIdentity.FromCertificate(certificate, mapping);
            var report = CertificateRequirements.Check(certificate, new CertificateCheckOptions
            {
                Intermediates = intermediates,
                TrustAnchor = anchors.FirstOrDefault(),
                RevocationList = crl,
                TimeProvider = environment.Time,
            });
            var problems = report.Problems
                .Select(p => new ProblemOutput { Severity = ProblemLevel.Of(p.Severity), Message = p.Message, Fix = p.Fix })
                .Concat((mapping?.Warnings ?? []).Select(w => new ProblemOutput { Severity = "warning", Message = "Attribute mapping: " + w }))
                .ToList();
            var output = new InspectOutput
            {
                Subject = certificate.Subject,
                Issuer = certificate.Issuer,
                SerialNumber = identity.SerialNumberDecimal,
                SerialNumberHex = identity.SerialNumberHex,
                SourceIdentity = identity.SourceIdentity,
                RoleSessionName = identity.RoleSessionName,
                PrincipalTags = identity.PrincipalTags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                DroppedTags = identity.DroppedTags.Select(d => new DroppedTagOutput { Key = d.Key, Value = d.Value, Reason = d.Reason }).ToList(),
                NotBefore = IsoTime.Write(certificate.NotBefore.ToUniversalTime()),
                NotAfter = IsoTime.Write(certificate.NotAfter.ToUniversalTime()),
                ChainValid = report.ChainValid,
                Problems = problems,
            };
            var bytes = json
                ? JsonSerializer.SerializeToUtf8Bytes(output, TrustJsonContext.Readable.InspectOutput)
                : Encoding.UTF8.GetBytes(Text(output, mapping, anchors.FirstOrDefault()));
            await environment.Stdout.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await environment.Stdout.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await environment.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return report.HasErrors ? ToolApplication.Failure : ToolApplication.Success;
        }
        finally
        {
            foreach (var extra in intermediates.Concat(anchors))
            {
                extra.Dispose();
            }
        }
    }

    private static string Text(InspectOutput output, AttributeMapping? mapping, X509Certificate2? anchor)
    {
        var text = new StringBuilder();
        Line("Subject", output.Subject);
        Line("Issuer", output.Issuer);
        Line("Serial number", $"{output.SerialNumber} (hex {output.SerialNumberHex})");
        Line("Valid", $"{output.NotBefore} to {output.NotAfter}");
        Line("Source identity", output.SourceIdentity ?? "(none: the subject has no CN)");
        Line("Role session name", output.RoleSessionName);
        text.Append(CultureInfo.InvariantCulture, $"Principal tags ({(mapping is null ? "default mapping" : "--attribute-mapping")}):\n");
        foreach (var (key, value) in output.PrincipalTags)
        {
            text.Append(CultureInfo.InvariantCulture, $"  aws:PrincipalTag/{TerminalText.Escape(key)} = {TerminalText.Escape(value)}\n");
        }

        if (output.DroppedTags.Count > 0)
        {
            text.Append("Not mapped:\n");
            foreach (var dropped in output.DroppedTags)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {TerminalText.Escape(dropped.Key)}{(dropped.Value is null ? string.Empty : " = " + TerminalText.Escape(dropped.Value))}: {TerminalText.Escape(dropped.Reason)}\n");
            }
        }

        Line("Chain", output.ChainValid switch
        {
            true => $"valid to the trust anchor '{anchor!.Subject}'",
            false => "INVALID (see the problems)",
            null when anchor is not null => "not checked on this platform (see the problems)",
            null => $"not checked (give --{Flags.TrustAnchorCertificate})",
        });
        text.Append(output.Problems.Count == 0 ? "Problems: none\n" : "Problems:\n");
        foreach (var problem in output.Problems)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {problem.Severity}: {TerminalText.Escape(problem.Message)}\n");
            if (problem.Fix is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"    fix: {TerminalText.Escape(problem.Fix)}\n");
            }
        }

        return text.ToString().TrimEnd('\n');

        // Certificate names and every other value here come from the file: written through the one terminal escape.
        void Line(string name, string value) => text.Append(CultureInfo.InvariantCulture, $"{name + ":",-19}{TerminalText.Escape(value)}\n");
    }
}
