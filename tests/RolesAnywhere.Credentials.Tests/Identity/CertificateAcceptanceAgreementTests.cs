using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Identity;

namespace RolesAnywhere.Credentials.Tests.Identity;

/// <summary>
/// One fact, every consumer: on the same certificates the credentials (<see cref="CertificateProfile"/>, which refuses to load)
/// and <c>inspect</c>/renewal checks (<see cref="CertificateRequirements"/>, an error-level problem) give the same answer, because
/// both decide from <see cref="CertificateAcceptance"/> and <see cref="CertificateSerialNumber.IsEncodedNegative"/>. Before,
/// inspect accepted an RSA-8192 certificate and only warned on RSA-1024 and secp256k1, which the credentials refuse.
/// </summary>
public sealed class CertificateAcceptanceAgreementTests(KeyMaterialFixture keys) : IClassFixture<KeyMaterialFixture>
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "rsa-1024", false },
        { "rsa-2048", true },
        { "rsa-4096", true },
        { "rsa-8192", false },
        { "p256", true },
        { "p384", true },
        { "p521", true },
        { "secp256k1", false },
        { "negative-serial", false },
        { "high-bit-serial-with-leading-zero", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CredentialsAndInspect_AgreeOnAcceptance(string name, bool accepted)
    {
        using var certificate = Create(name);
        Assert.SkipWhen(certificate is null, "this platform has no secp256k1");

        var problems = new List<string>();
        CertificateProfile.CheckLeaf(certificate, keys.Now, problems);
        var report = CertificateRequirements.Check(certificate, new CertificateCheckOptions { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(keys.Now) });

        Assert.True(accepted == (problems.Count == 0), $"credentials: {string.Join(" | ", problems)}");
        Assert.True(accepted == !report.HasErrors, $"inspect: {string.Join(" | ", report.Problems)}");
        Assert.Equal(accepted, CertificateAcceptance.KeyProblem(certificate) is null && !CertificateSerialNumber.IsEncodedNegative(certificate));
    }

    private X509Certificate2? Create(string name)
    {
        switch (name)
        {
            case "rsa-1024" or "rsa-2048" or "rsa-4096" or "rsa-8192":
                // Only the public key goes into the certificate, so a random modulus of the size stands in for a generated key
                // (generating RSA-8192 takes many seconds); the CA still signs it properly.
                using (var rsa = RSA.Create())
                {
                    var bits = int.Parse(name[4..], System.Globalization.CultureInfo.InvariantCulture);
                    var modulus = RandomNumberGenerator.GetBytes(bits / 8);
                    modulus[0] |= 0x80;
                    modulus[^1] |= 1;
                    rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = [1, 0, 1] });
                    return keys.CreateLeaf(new CertificateRequest(new X500DistinguishedName("CN=" + name), new PublicKey(rsa), HashAlgorithmName.SHA256));
                }

            case "p256":
                return keys.CreateLeaf(new CertificateRequest("CN=p256", keys.P256, HashAlgorithmName.SHA256));
            case "p384":
                return keys.CreateLeaf(new CertificateRequest("CN=p384", keys.P384, HashAlgorithmName.SHA256));
            case "p521":
                return keys.CreateLeaf(new CertificateRequest("CN=p521", keys.P521, HashAlgorithmName.SHA256));
            case "secp256k1":
                ECDsa k1;
                try
                {
                    k1 = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));
                }
                catch (PlatformNotSupportedException)
                {
                    return null;
                }

                using (k1)
                {
                    return keys.CreateLeaf(new CertificateRequest("CN=k1", k1, HashAlgorithmName.SHA256));
                }

            case "negative-serial":
                // .NET encodes every serial as a positive INTEGER; openssl writes the negative one a non-conformant CA would.
                var key = keys.Write("agreement-negative.key", keys.P256.ExportPkcs8PrivateKeyPem());
                var path = Path.Combine(keys.Directory, "agreement-negative.crt");
                OpenSsl.Run("req", "-x509", "-new", "-key", key, "-sha256", "-subj", "/CN=negative-serial", "-set_serial", "-0x9F0102", "-days", "2", "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "keyUsage=critical,digitalSignature", "-out", path);
                return X509CertificateLoader.LoadCertificateFromFile(path);

            default:
                // KeyMaterialFixture sets the high bit of every serial; .NET then writes a leading 00 (positive, conformant).
                return keys.CreateLeaf(new CertificateRequest("CN=serial", keys.P256, HashAlgorithmName.SHA256));
        }
    }
}
