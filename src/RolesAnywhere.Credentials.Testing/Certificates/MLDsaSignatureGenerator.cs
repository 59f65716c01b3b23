using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto.Signers;

namespace RolesAnywhere.Credentials.Testing.Certificates;

/// <summary>Signs certificates with an ML-DSA key (pure ML-DSA over the TBSCertificate, empty context; RFC 9881).</summary>
internal sealed class MLDsaSignatureGenerator : X509SignatureGenerator
{
    private readonly MLDsaTestKey _key;

    public MLDsaSignatureGenerator(MLDsaTestKey key)
    {
        _key = key;
    }

    // The signature AlgorithmIdentifier is the key's OID with parameters absent; the hash argument does not apply.
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(_key.AlgorithmOid);
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        var signer = new MLDsaSigner(_key.PrivateKey.Parameters, deterministic: false);
        signer.Init(forSigning: true, _key.PrivateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    protected override PublicKey BuildPublicKey() => _key.ToPublicKey();
}
