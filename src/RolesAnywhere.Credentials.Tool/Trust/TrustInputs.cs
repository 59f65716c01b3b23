using System.Security.Cryptography.X509Certificates;
using System.Text;
using RolesAnywhere.Credentials.Authorization.Identity;
using RolesAnywhere.Credentials.Authorization.Policies;
using RolesAnywhere.Credentials.Authorization;
using RolesAnywhere.Credentials.Identity.Decoding;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Trust;

/// <summary>
/// The files <c>inspect</c> and <c>policy</c> read: certificates with the library's decoders, policies, mappings and CRLs through the
/// library's bounded file reader (1 MiB, messages naming the flag). A malformed policy or mapping is a usage error naming the file,
/// line and column.
/// </summary>
internal static class TrustInputs
{
    public static X509Certificate2 Certificate(ParsedCommandLine parsed) =>
        KeyFiles.LoadCertificate(parsed.Get(Flags.Certificate) ?? throw Missing(parsed, Flags.Certificate), password: null);

    public static List<X509Certificate2> Certificates(ParsedCommandLine parsed, string flag)
    {
        if (parsed.Get(flag) is not { } path)
        {
            return [];
        }

        using var material = MaterialInput.File("--" + flag, path, "--" + Flags.Pkcs8Password).Decode(password: null);
        var certificates = material.TakeCertificates();
        return certificates.Count > 0
            ? certificates
            : throw new UsageException($"The file '{path}' (--{flag}) holds no certificate.", $"Pass PEM or DER certificates with --{flag}.");
    }

    public static AttributeMapping? Mapping(ParsedCommandLine parsed)
    {
        if (parsed.Get(Flags.AttributeMapping) is not { } path)
        {
            return null;
        }

        try
        {
            return AttributeMapping.Parse(Text("--" + Flags.AttributeMapping, path));
        }
        catch (AuthorizationDocumentException e)
        {
            throw new UsageException($"{path}: {e.Message}", $"--{Flags.AttributeMapping} takes the output of 'aws rolesanywhere get-profile --profile-id ID' (or its attributeMappings array).");
        }
    }

    public static TrustPolicy Policy(string path, string flagOrOperand)
    {
        try
        {
            return TrustPolicy.Parse(Text(flagOrOperand, path));
        }
        catch (AuthorizationDocumentException e)
        {
            throw new UsageException($"{path}: {e.Message}", "Pass a trust policy document or the output of 'aws iam get-role --role-name NAME'.");
        }
    }

    /// <summary>Reads a file whole (bounded), naming it in messages as <paramref name="setting"/>: the flag with its dashes, or an operand's description.</summary>
    public static byte[] Bytes(string setting, string path) => KeyMaterialFile.ReadAll(new MaterialSource(setting, path, setting));

    public static string Text(string setting, string path)
    {
        var bytes = Bytes(setting, path);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary><c>--format text|json</c>; <see langword="true"/> for JSON.</summary>
    public static bool Json(ParsedCommandLine parsed) => (parsed.Get(Flags.Format) ?? "text") switch
    {
        "text" => false,
        "json" => true,
        var other => throw new UsageException($"--{Flags.Format} '{other}' is not one of text, json.", $"Write --{Flags.Format} json or --{Flags.Format} text."),
    };

    public static void RequireTrustAnchorArn(string? arn, string command)
    {
        if (arn is null)
        {
            throw new UsageException($"--{Flags.TrustAnchorArn} is required.", $"Run 'rolesanywhere {command} --help' for its flags.");
        }

        if (Arn(arn) is not [_, _, "rolesanywhere", _, _, var resource] || !resource.StartsWith("trust-anchor/", StringComparison.Ordinal))
        {
            throw new UsageException($"--{Flags.TrustAnchorArn} '{arn}' is not a trust anchor ARN.", "Copy it from 'aws rolesanywhere list-trust-anchors': arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/ID.");
        }
    }

    private static string[] Arn(string value) => value.Split(':', 6);

    private static UsageException Missing(ParsedCommandLine parsed, string flag) =>
        new($"--{flag} is required.", $"Run 'rolesanywhere {parsed.Command.Name} --help' for its flags.");
}
