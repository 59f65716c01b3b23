using System.Security.Cryptography;
using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Json;
using RolesAnywhere.Credentials.Tool.Keys;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>
/// <c>sign-string</c>: signs standard input with the private key (a file, a PKCS#11 token, a TPM handle or
/// a store certificate's key; RSA PKCS#1 v1.5, or ECDSA as ASN.1 DER, over the chosen digest; ML-DSA over the data itself), and prints
/// the signature as a JSON string of hex (default), bare hex (<c>text</c>) or raw bytes (<c>bin</c>) — the
/// official helper's three formats.
/// </summary>
internal static class SignStringCommand
{
    /// <summary>Standard input larger than this is refused rather than read into memory.</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    public static async Task<int> RunAsync(ParsedCommandLine parsed, ToolEnvironment environment, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        CombinationRules.Check(parsed, errors);
        var format = parsed.Get(Flags.Format) ?? "json";
        if (format is not ("json" or "text" or "bin"))
        {
            errors.Add($"--{Flags.Format} '{format}' is not one of json, text, bin.");
        }

        var digest = (parsed.Get(Flags.Digest) ?? "SHA256").ToUpperInvariant() switch
        {
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            var other => Invalid(errors, $"--{Flags.Digest} '{other}' is not one of SHA256, SHA384, SHA512."),
        };
        if (!parsed.Has(Flags.PrivateKey) && !KeySourceFlags.IsPkcs11(parsed.Get(Flags.Certificate)) && !KeySourceFlags.UsesStore(parsed))
        {
            errors.Add($"--{Flags.PrivateKey} (a file, pkcs11: URI or TPM handle:0x81000001) or --{Flags.CertSelector} (the OS certificate store) is required.");
        }

        if (errors.Count > 0)
        {
            throw new UsageException(string.Join('\n', errors), "Example: echo -n data | rolesanywhere sign-string --private-key key.pem --digest SHA256 --format text");
        }

        var data = await ReadInputAsync(environment.Stdin, cancellationToken).ConfigureAwait(false);
        byte[] signature;
        using (var key = SignStringKey.Open(parsed, environment.Time, environment.PinPrompt))
        {
            signature = key.Sign(data, digest);
        }

        var output = format switch
        {
            "bin" => signature,
            "text" => System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(signature)),
            _ => JsonSerializer.SerializeToUtf8Bytes(Convert.ToHexStringLower(signature), ToolJsonContext.Output.String),
        };
        await environment.Stdout.WriteAsync(output, cancellationToken).ConfigureAwait(false);
        await environment.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ToolApplication.Success;
    }

    private static HashAlgorithmName Invalid(List<string> errors, string message)
    {
        errors.Add(message);
        return default;
    }

    private static async Task<byte[]> ReadInputAsync(Stream stdin, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stdin.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxInputBytes)
            {
                throw new RolesAnywhereConfigurationException($"Standard input is larger than {MaxInputBytes / (1024 * 1024)} MiB; sign-string signs short strings.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
