using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Authorization.Tests.Support;

/// <summary>Signs certificates with sha1WithRSAEncryption, which CertificateRequest no longer offers, to test that such certificates are refused.</summary>
internal sealed class Sha1RsaSignatureGenerator : X509SignatureGenerator
{
    private readonly RSA _key;

    public Sha1RsaSignatureGenerator(RSA key) => _key = key;

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.1.5");
            writer.WriteNull();
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => _key.SignData(data, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1);

    protected override PublicKey BuildPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);
}
