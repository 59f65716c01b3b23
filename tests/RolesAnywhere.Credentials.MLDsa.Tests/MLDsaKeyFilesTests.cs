using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Signing;
using RolesAnywhere.Credentials.TestSupport;
using RolesAnywhere.Credentials.Testing.Certificates;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

/// <summary>
/// ML-DSA keys and certificates through the library's loader: the three PKCS#8 forms (seed only as Python writes it,
/// seed and expanded key as OpenSSL 3.5 and the official helper write it, expanded only), encrypted, inline, and the
/// bad inputs an operator may hand over, each refused with a message naming the file.
/// </summary>
public sealed class MLDsaKeyFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ra-mldsa-").FullName;

    public static TheoryData<int> ParameterSets => MLDsaVector.ParameterSets;

    public static TheoryData<int, string> HelperForms()
    {
        var data = new TheoryData<int, string>();
        foreach (var bits in new[] { 44, 65, 87 })
        {
            foreach (var form in new[] { "seed", "both", "expanded" })
            {
                data.Add(bits, form);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void FromFiles_PythonSeedOnlyKey_LoadsAndSignsForTheCertificate(int bits)
    {
        var vector = MLDsaVector.Load(bits);

        using var identity = SigningIdentity.FromFiles(vector.CertificatePath, vector.KeyPath);

        Assert.Equal(SigningKeyAlgorithm.MLDsa, identity.SigningKey.Algorithm);
        Assert.Equal(vector.ParameterSet.SignatureSize, identity.SigningKey.MaxSignatureSizeInBytes);
        Assert.Equal($"MLDsaSigningKey(ML-DSA-{bits}, BouncyCastle)", identity.SigningKey.ToString());
        byte[] signature = new byte[identity.SigningKey.MaxSignatureSizeInBytes];
        Assert.True(identity.SigningKey.TrySign("data"u8, signature, out int written));
        Assert.True(MLDsaVerification.Verify(vector.Certificate, "data"u8.ToArray(), signature[..written]));
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void FromFiles_BundleWithTheRootFirst_PicksTheCertificateOfTheKey(int bits)
    {
        // The leaf is found by its public key. On .NET before 10 that comparison once failed with "ASN1 corrupted data"
        // for ML-DSA (its parameters are absent, dotnet/runtime#110715): the net8.0 run of this suite caught it.
        var vector = MLDsaVector.Load(bits);
        string bundle = Write($"bundle{bits}.pem", File.ReadAllText(vector.RootPath) + File.ReadAllText(vector.CertificatePath));

        using var identity = SigningIdentity.FromFiles(bundle, vector.KeyPath);

        Assert.Equal(vector.Certificate.RawData, identity.Certificate.RawData);
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void FromPem_InlineCertificateAndKey_Loads(int bits)
    {
        var vector = MLDsaVector.Load(bits);

        using var identity = SigningIdentity.FromPem(File.ReadAllText(vector.CertificatePath), File.ReadAllText(vector.KeyPath));

        Assert.Equal(SigningKeyAlgorithm.MLDsa, identity.SigningKey.Algorithm);
    }

    [Theory]
    [MemberData(nameof(HelperForms))]
    public void Import_EveryPkcs8Form_GivesTheCertificatesKeyAndTheSameDeterministicSignature(int bits, string form)
    {
        using var helperCertificate = X509Certificate2.CreateFromPem(TestVectors.ReadText($"mldsa/helper-1.8/mldsa{bits}-cert.pem"));
        using var key = (IMLDsaSigningKey)MLDsaVector.ImportKey(TestVectors.PathOf($"mldsa/helper-1.8/mldsa{bits}-{form}.pem"));
        using var reference = (IMLDsaSigningKey)MLDsaVector.ImportKey(TestVectors.PathOf($"mldsa/helper-1.8/mldsa{bits}-both.pem"));

        Assert.Equal(helperCertificate.PublicKey.EncodedKeyValue.RawData, key.ExportPublicKey());
        Assert.Equal(Sign(reference, "same input"u8), Sign(key, "same input"u8));
    }

    [Fact]
    public void FromFiles_HelpersEncryptedKey_DecryptsWithThePassword()
    {
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.MLDsa65 });
        using var helperCertificate = X509Certificate2.CreateFromPem(TestVectors.ReadText("mldsa/helper-1.8/mldsa65-cert.pem"));
        using var leaf = root.IssueCertificate(MLDsaVerification.SubjectPublicKeyInfo(helperCertificate));
        string certificatePath = Write("leaf.pem", TestCertificatePem.Certificate(leaf));

        using var identity = SigningIdentity.FromFiles(certificatePath, TestVectors.PathOf("mldsa/helper-1.8/mldsa65-both-aes256cbc.pem"), password: "password");

        Assert.Equal("MLDsaSigningKey(ML-DSA-65, BouncyCastle)", identity.SigningKey.ToString());
    }

    [Fact]
    public void FromFiles_HelpersEncryptedKeyWrongPassword_SaysThePasswordIsWrong()
    {
        using var root = TestCertificateAuthority.CreateRoot(new TestCertificateOptions { KeyType = TestKeyType.MLDsa65 });
        using var helperCertificate = X509Certificate2.CreateFromPem(TestVectors.ReadText("mldsa/helper-1.8/mldsa65-cert.pem"));
        using var leaf = root.IssueCertificate(MLDsaVerification.SubjectPublicKeyInfo(helperCertificate));
        string certificatePath = Write("leaf-wrong-password.pem", TestCertificatePem.Certificate(leaf));
        string key = TestVectors.PathOf("mldsa/helper-1.8/mldsa65-both-aes256cbc.pem");

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(certificatePath, key, password: "not-the-password"));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_KeyOfAnotherParameterSet_NamesBothSetsAndTheFile()
    {
        var vector65 = MLDsaVector.Load(65);
        var vector44 = MLDsaVector.Load(44);

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector65.CertificatePath, vector44.KeyPath));

        Assert.Contains("ML-DSA-44", error.Message, StringComparison.Ordinal);
        Assert.Contains("ML-DSA-65", error.Message, StringComparison.Ordinal);
        Assert.Contains(vector44.KeyPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_KeyOfAnotherCertificateSameSet_SaysTheyDoNotBelongTogether()
    {
        var vector = MLDsaVector.Load(87);
        string otherKey = TestVectors.PathOf("mldsa/mldsa87-root.key");

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector.CertificatePath, otherKey));

        Assert.Contains("does not belong to the certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains(otherKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_TruncatedKey_SaysDamagedAndNamesTheFile()
    {
        var vector = MLDsaVector.Load(65);
        string pem = TestVectors.ReadText("mldsa/helper-1.8/mldsa65-both.pem");
        var fields = PemEncoding.Find(pem);
        string base64 = pem[fields.Base64Data].Replace("\n", string.Empty, StringComparison.Ordinal);
        string truncated = Write("truncated.key", PemEncoding.WriteString("PRIVATE KEY", Convert.FromBase64String(base64).AsSpan(0, 1500)));

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector.CertificatePath, truncated));

        Assert.Contains(truncated, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_PreStandardRawKeyForm_SaysTheFormIsNotReadAndNamesTheFile()
    {
        var vector = MLDsaVector.Load(44);
        // An early oqs-provider form: the private key OCTET STRING holds the raw sk||pk bytes, no inner DER.
        byte[] raw = new byte[2560 + 1312];
        RandomNumberGenerator.Fill(raw);
        raw[0] = 0x5A;
        string path = Write("oqs.key", PemEncoding.WriteString("PRIVATE KEY", Pkcs8(MLDsaParameterSet.MLDsa44.Oid, raw)));

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector.CertificatePath, path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("form this library does not read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_SeedAndExpandedKeyOfDifferentKeys_Refused()
    {
        var vector = MLDsaVector.Load(44);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteOctetString(RandomNumberGenerator.GetBytes(32));
            writer.WriteOctetString(ExpandedKeyOf(TestVectors.ReadText("mldsa/helper-1.8/mldsa44-expanded.pem")));
        }

        string path = Write("mixed.key", PemEncoding.WriteString("PRIVATE KEY", Pkcs8(MLDsaParameterSet.MLDsa44.Oid, writer.Encode())));

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector.CertificatePath, path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("seed and its expanded key are of two different keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_SeedOfWrongLength_Refused()
    {
        var vector = MLDsaVector.Load(44);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(new byte[31], new Asn1Tag(TagClass.ContextSpecific, 0));
        string path = Write("short-seed.key", PemEncoding.WriteString("PRIVATE KEY", Pkcs8(MLDsaParameterSet.MLDsa44.Oid, writer.Encode())));

        var error = Assert.Throws<RolesAnywhereConfigurationException>(() => SigningIdentity.FromFiles(vector.CertificatePath, path));

        Assert.Contains("seed is 31 bytes", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Sign(ISigningKey key, ReadOnlySpan<byte> data)
    {
        byte[] signature = new byte[key.MaxSignatureSizeInBytes];
        Assert.True(key.TrySign(data, signature, out int written));
        return signature[..written];
    }

    private static byte[] Pkcs8(string oid, byte[] privateKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(oid);
            }

            writer.WriteOctetString(privateKey);
        }

        return writer.Encode();
    }

    private static byte[] ExpandedKeyOf(string expandedPem)
    {
        var info = new AsnReader(PemEncoding.Find(expandedPem) is var f ? Convert.FromBase64String(expandedPem[f.Base64Data]) : [], AsnEncodingRules.DER).ReadSequence();
        _ = info.ReadInteger();
        _ = info.ReadSequence();
        return new AsnReader(info.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
