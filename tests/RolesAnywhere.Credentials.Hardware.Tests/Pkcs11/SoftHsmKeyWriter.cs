using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

/// <summary>Generates key pairs on a token (returning only the public half) and stores certificates there.</summary>
internal sealed class SoftHsmKeyWriter(ISession session)
{
    private static readonly byte[] s_p256Oid = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];

    public RSA GenerateRsa(string label, byte[] id)
    {
        var f = session.Factories.ObjectAttributeFactory;
        var publicTemplate = new List<IObjectAttribute>
        {
            f.Create(CKA.CKA_TOKEN, true), f.Create(CKA.CKA_VERIFY, true), f.Create(CKA.CKA_MODULUS_BITS, 2048UL),
            f.Create(CKA.CKA_PUBLIC_EXPONENT, new byte[] { 0x01, 0x00, 0x01 }), f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id),
        };
        using var mechanism = session.Factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN);
        session.GenerateKeyPair(mechanism, publicTemplate, PrivateTemplate(label, id, false), out var publicKey, out _);
        var values = session.GetAttributeValue(publicKey, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        return RSA.Create(new RSAParameters { Modulus = values[0].GetValueAsByteArray(), Exponent = values[1].GetValueAsByteArray() });
    }

    public ECDsa GenerateP256(string label, byte[] id, bool alwaysAuthenticate)
    {
        var f = session.Factories.ObjectAttributeFactory;
        var publicTemplate = new List<IObjectAttribute>
        {
            f.Create(CKA.CKA_TOKEN, true), f.Create(CKA.CKA_VERIFY, true), f.Create(CKA.CKA_EC_PARAMS, s_p256Oid),
            f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id),
        };
        using var mechanism = session.Factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN);
        session.GenerateKeyPair(mechanism, publicTemplate, PrivateTemplate(label, id, alwaysAuthenticate), out var publicKey, out _);
        byte[] point = AsnDecoder.ReadOctetString(session.GetAttributeValue(publicKey, [CKA.CKA_EC_POINT])[0].GetValueAsByteArray(), AsnEncodingRules.DER, out _);
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
    }

    public void StoreCertificate(X509Certificate2 certificate, string label, byte[] id)
    {
        var f = session.Factories.ObjectAttributeFactory;
        session.CreateObject(
        [
            f.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), f.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
            f.Create(CKA.CKA_TOKEN, true), f.Create(CKA.CKA_LABEL, label), f.Create(CKA.CKA_ID, id),
            f.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData), f.Create(CKA.CKA_VALUE, certificate.RawData),
        ]);
    }

    private List<IObjectAttribute> PrivateTemplate(string label, byte[] id, bool alwaysAuthenticate)
    {
        var f = session.Factories.ObjectAttributeFactory;
        return
        [
            f.Create(CKA.CKA_TOKEN, true), f.Create(CKA.CKA_PRIVATE, true), f.Create(CKA.CKA_SIGN, true),
            f.Create(CKA.CKA_SENSITIVE, true), f.Create(CKA.CKA_EXTRACTABLE, false), f.Create(CKA.CKA_LABEL, label),
            f.Create(CKA.CKA_ID, id), f.Create(CKA.CKA_ALWAYS_AUTHENTICATE, alwaysAuthenticate),
        ];
    }
}
