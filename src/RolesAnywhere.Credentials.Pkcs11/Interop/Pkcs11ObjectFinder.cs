using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>Finds the private key and its certificate on a token by label (<c>object</c>) and <c>CKA_ID</c> (<c>id</c>).</summary>
internal static class Pkcs11ObjectFinder
{
    public static Pkcs11KeyInfo FindPrivateKey(Pkcs11Token token, Pkcs11Uri uri)
    {
        if (uri.Type is not (null or "private"))
        {
            throw new RolesAnywherePkcs11Exception(
                $"The key URI '{uri}' selects objects of type '{uri.Type}'; a signing key needs type=private or no type.");
        }

        var session = token.Session;
        var found = Find(token, CKO.CKO_PRIVATE_KEY, uri.Object, uri.Id, "finding the private key");
        if (found.Count == 0)
        {
            string visibility = token.HasPin
                ? string.Empty
                : " No PIN was given, and most tokens show private keys only after login: add pin-value to the URI or set Pkcs11SigningKeyOptions.Pin.";
            throw new RolesAnywherePkcs11Exception(
                $"No private key matches '{uri}' on token '{token.Label}'.{visibility} Keys present: {DescribeAll(token, CKO.CKO_PRIVATE_KEY)}.");
        }

        if (found.Count > 1)
        {
            throw new RolesAnywherePkcs11Exception(
                $"Several private keys match '{uri}' on token '{token.Label}': {Describe(session, found)}. Add object= or id= to the URI to choose one.");
        }

        var handle = found[0];
        var attributes = Read(token, handle, CKA.CKA_KEY_TYPE, CKA.CKA_ID, CKA.CKA_LABEL, CKA.CKA_ALWAYS_AUTHENTICATE);
        var keyType = (CKK)attributes[0].GetValueAsUlong();
        byte[] id = attributes[1].CannotBeRead ? [] : attributes[1].GetValueAsByteArray() ?? [];
        string? label = attributes[2].CannotBeRead ? null : attributes[2].GetValueAsString();
        bool alwaysAuthenticate = !attributes[3].CannotBeRead && attributes[3].GetValueAsBool();

        switch (keyType)
        {
            case CKK.CKK_RSA:
                byte[] modulus = Read(token, handle, CKA.CKA_MODULUS)[0].GetValueAsByteArray();
                return new Pkcs11KeyInfo(handle, SigningKeyAlgorithm.Rsa, id, label, alwaysAuthenticate, modulus, 0);
            case CKK.CKK_EC:
                byte[] parameters = Read(token, handle, CKA.CKA_EC_PARAMS)[0].GetValueAsByteArray();
                return new Pkcs11KeyInfo(handle, SigningKeyAlgorithm.Ecdsa, id, label, alwaysAuthenticate, null, CurveSizeInBits(parameters, uri));
            default:
                throw new RolesAnywherePkcs11Exception(
                    $"The key '{uri}' on token '{token.Label}' is of type {keyType}; IAM Roles Anywhere needs an RSA or EC key.");
        }
    }

    /// <summary>The certificate stored with the key (same <c>CKA_ID</c>, or same label when the key has no id), or <see langword="null"/>.</summary>
    public static X509Certificate2? FindCertificate(Pkcs11Token token, Pkcs11KeyInfo key, Pkcs11Uri? certificateUri)
    {
        string? label = certificateUri is null ? (key.Id.Length == 0 ? key.Label : null) : certificateUri.Object;
        byte[]? id = certificateUri is null ? (key.Id.Length == 0 ? null : key.Id) : certificateUri.Id;
        return label is null && id is null ? null : FindNewestCertificate(token, label, id);
    }

    /// <summary>
    /// The certificate object <paramref name="uri"/> names by label and/or <c>CKA_ID</c> (the one expiring last
    /// when several match), for reading a certificate without its key.
    /// </summary>
    /// <exception cref="RolesAnywherePkcs11Exception">The URI names no object, has another type, or no certificate matches.</exception>
    public static X509Certificate2 FindCertificate(Pkcs11Token token, Pkcs11Uri uri)
    {
        if (uri.Type is not (null or "cert"))
        {
            throw new RolesAnywherePkcs11Exception($"The certificate URI '{uri}' selects objects of type '{uri.Type}'; a certificate needs type=cert or no type.");
        }

        if (uri.Object is null && uri.Id is null)
        {
            throw new RolesAnywherePkcs11Exception($"The certificate URI '{uri}' names no object: add object= (the label) or id= (the CKA_ID).");
        }

        var best = FindNewestCertificate(token, uri.Object, uri.Id);
        if (best is null)
        {
            string visibility = token.HasPin
                ? string.Empty
                : " No PIN was given; some tokens show certificates only after login: add pin-value to the URI.";
            throw new RolesAnywherePkcs11Exception(
                $"No certificate matches '{uri}' on token '{token.Label}'.{visibility} Certificates present: {DescribeAll(token, CKO.CKO_CERTIFICATE)}.");
        }

        return best;
    }

    private static X509Certificate2? FindNewestCertificate(Pkcs11Token token, string? label, byte[]? id)
    {
        var found = Find(token, CKO.CKO_CERTIFICATE, label, id, "finding the certificate");
        X509Certificate2? best = null;
        foreach (var handle in found)
        {
            byte[] der = Read(token, handle, CKA.CKA_VALUE)[0].GetValueAsByteArray();
            var certificate = LoadCertificate(der);
            if (best is null || certificate.NotAfter > best.NotAfter)
            {
                best?.Dispose();
                best = certificate;
            }
            else
            {
                certificate.Dispose();
            }
        }

        return best;
    }

    private static X509Certificate2 LoadCertificate(byte[] der) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadCertificate(der);
#else
        new(der);
#endif

    private static List<IObjectHandle> Find(Pkcs11Token token, CKO objectClass, string? label, byte[]? id, string doing)
    {
        var factory = token.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute> { factory.Create(CKA.CKA_CLASS, objectClass) };
        if (label is not null)
        {
            template.Add(factory.Create(CKA.CKA_LABEL, label));
        }

        if (id is not null)
        {
            template.Add(factory.Create(CKA.CKA_ID, id));
        }

        try
        {
            return token.Session.FindAllObjects(template);
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"{doing} on token '{token.Label}'");
        }
        finally
        {
            foreach (var attribute in template)
            {
                attribute.Dispose();
            }
        }
    }

    private static List<IObjectAttribute> Read(Pkcs11Token token, IObjectHandle handle, params CKA[] attributes)
    {
        try
        {
            return token.Session.GetAttributeValue(handle, [.. attributes]);
        }
        catch (Pkcs11Exception ex)
        {
            throw Pkcs11Errors.From(ex, $"reading key attributes on token '{token.Label}'");
        }
    }

    private static string DescribeAll(Pkcs11Token token, CKO objectClass)
    {
        var all = Find(token, objectClass, null, null, "listing objects");
        return all.Count == 0 ? "none visible" : Describe(token.Session, all);
    }

    private static string Describe(ISession session, List<IObjectHandle> handles)
    {
        var builder = new StringBuilder();
        foreach (var handle in handles)
        {
            var attributes = session.GetAttributeValue(handle, [CKA.CKA_LABEL, CKA.CKA_ID]);
            string label = attributes[0].CannotBeRead ? "?" : attributes[0].GetValueAsString();
            string id = attributes[1].CannotBeRead ? "?" : Pkcs11Uri.FormatId(attributes[1].GetValueAsByteArray() ?? []);
            builder.Append(builder.Length == 0 ? string.Empty : ", ").Append("object=").Append(label).Append(";id=").Append(id);
        }

        return builder.ToString();
    }

    /// <summary>The size in bits of the curve named by <c>CKA_EC_PARAMS</c> (a DER OID).</summary>
    private static int CurveSizeInBits(byte[] ecParameters, Pkcs11Uri uri)
    {
        string? oid = null;
        try
        {
            oid = AsnDecoder.ReadObjectIdentifier(ecParameters, AsnEncodingRules.DER, out _);
        }
        catch (AsnContentException)
        {
            // Explicit curve parameters: not supported by IAM Roles Anywhere either.
        }

        return oid switch
        {
            "1.2.840.10045.3.1.7" => 256, // P-256
            "1.3.132.0.34" => 384,        // P-384
            "1.3.132.0.35" => 521,        // P-521
            _ => throw new RolesAnywherePkcs11Exception(
                $"The EC key '{uri}' is on curve {oid ?? "(explicit parameters)"}; IAM Roles Anywhere accepts P-256, P-384 and P-521."),
        };
    }
}
