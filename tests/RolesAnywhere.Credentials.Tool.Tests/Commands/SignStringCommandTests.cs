using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Commands;

public sealed class SignStringCommandTests : IDisposable
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("AWS4-X509-RSA-SHA256\n20261125T010000Z\nstring to sign");
    private readonly TempDirectory directory = new();
    private readonly RSA rsa = RSA.Create(2048);
    private readonly ECDsa ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public SignStringCommandTests()
    {
        File.WriteAllText(directory.File("rsa.key"), rsa.ExportRSAPrivateKeyPem());
        File.WriteAllText(directory.File("ec.key"), ecdsa.ExportECPrivateKeyPem());
        File.WriteAllText(
            directory.File("ec-encrypted.key"),
            ecdsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)));
    }

    public void Dispose()
    {
        rsa.Dispose();
        ecdsa.Dispose();
        directory.Dispose();
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("SHA384")]
    [InlineData("SHA512")]
    public async Task Rsa_EachDigest_Pkcs1SignatureVerifies(string digest)
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("rsa.key"), "--digest", digest, "--format", "bin"], stdin: Data);

        Assert.Equal(0, run.ExitCode);
        Assert.True(rsa.VerifyData(Data, run.Stdout, new HashAlgorithmName(digest), RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Ecdsa_DefaultFormat_JsonStringOfHexDerSignature()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("ec.key")], stdin: Data);

        Assert.Equal(0, run.ExitCode);
        var hex = JsonSerializer.Deserialize<string>(run.StdoutText)!;
        Assert.Equal(hex.ToLowerInvariant(), hex);
        Assert.True(ecdsa.VerifyData(Data, Convert.FromHexString(hex), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task Ecdsa_EncryptedKeyTextFormat_HexVerifies()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("ec-encrypted.key"), "--pkcs8-password", "pw", "--format", "text", "--digest", "SHA384"], stdin: Data);

        Assert.Equal(0, run.ExitCode);
        Assert.True(ecdsa.VerifyData(Data, Convert.FromHexString(run.StdoutText), HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Theory]
    [InlineData("--format", "xml", "--format 'xml' is not one of json, text, bin")]
    [InlineData("--digest", "MD5", "--digest 'MD5' is not one of SHA256, SHA384, SHA512")]
    public async Task BadChoice_UsageError(string flag, string value, string expected)
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("rsa.key"), flag, value], stdin: Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKeyFile_Exit1NamingTheFile()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("absent.key")], stdin: Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("absent.key", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task EncryptedKeyWithoutPassword_Exit1SuggestingTheFlag()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", directory.File("ec-encrypted.key")], stdin: Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--pkcs8-password", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoKeyNamed_UsageErrorListingTheKeySources()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--digest", "SHA256"], stdin: Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--private-key (a file, pkcs11: URI or TPM handle:0x81000001) or --cert-selector", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task TpmKeyPassword_RefusedNamingTheFlagAndNotTheSecret()
    {
        var run = await ToolRun.RunAsync(["sign-string", "--private-key", "handle:0x81000001", "--tpm-key-password", "s3cret-tpm"], stdin: Data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--tpm-key-password is not supported", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-tpm", run.Stderr, StringComparison.Ordinal);
    }
}
