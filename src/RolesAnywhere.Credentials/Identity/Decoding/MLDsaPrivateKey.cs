using System.Formats.Asn1;
using System.Security.Cryptography;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// An ML-DSA private key read from PKCS#8 (RFC 9881), carried through the key loader beside RSA and ECDSA keys
/// until it becomes the identity's <see cref="ISigningKey"/>. All three private key forms are read: seed only
/// (<c>[0] IMPLICIT OCTET STRING</c>, as Python <c>cryptography</c> writes), expanded key only (<c>OCTET STRING</c>)
/// and both (<c>SEQUENCE { seed, expandedKey }</c>, the form OpenSSL 3.5 writes by default and the official helper
/// reads); with both, they must be the same key.
/// </summary>
internal sealed class MLDsaPrivateKey : AsymmetricAlgorithm
{
    private const string ExportHint = "Export the key again (for example `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem` with OpenSSL 3.5 or later).";

    private IMLDsaSigningKey? _key;
    private readonly byte[] _subjectPublicKeyInfo;

    private MLDsaPrivateKey(IMLDsaSigningKey key)
    {
        _key = key;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(key.ParameterSet.Oid);
            }

            writer.WriteBitString(key.ExportPublicKey());
        }

        _subjectPublicKeyInfo = writer.Encode();
    }

    /// <summary>Reads an unencrypted PKCS#8 <c>PrivateKeyInfo</c> whose algorithm is <paramref name="parameterSet"/>.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The key is malformed, in a form not read, or no ML-DSA implementation is available; the message names the source.</exception>
    public static MLDsaPrivateKey Import(MLDsaParameterSet parameterSet, ReadOnlyMemory<byte> pkcs8, MaterialSource source)
    {
        var implementation = MLDsaImplementations.Require($"The private key in {source.Phrase}");
        ReadOnlyMemory<byte> seed = default;
        ReadOnlyMemory<byte> expanded = default;
        try
        {
            var info = new AsnReader(pkcs8, AsnEncodingRules.BER).ReadSequence();
            _ = info.ReadInteger();
            var algorithm = info.ReadSequence();
            _ = algorithm.ReadObjectIdentifier();
            if (algorithm.HasData)
            {
                throw Invalid(parameterSet, source, "its algorithm identifier has parameters, which ML-DSA keys never have");
            }

            var privateKey = info.ReadOctetString();
            try
            {
                (seed, expanded) = ReadPrivateKeyChoice(parameterSet, privateKey, source);
                var key = implementation.ImportPrivateKey(parameterSet, seed.Span, seed.IsEmpty ? expanded.Span : default);
                if (!seed.IsEmpty && !expanded.IsEmpty && !key.HasExpandedKey(expanded.Span))
                {
                    key.Dispose();
                    throw Invalid(parameterSet, source, "its seed and its expanded key are of two different keys");
                }

                return new MLDsaPrivateKey(key);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(privateKey);
            }
        }
        catch (AsnContentException ex)
        {
            throw Invalid(parameterSet, source, $"the data is damaged or truncated ({ex.Message})", ex);
        }
        catch (CryptographicException ex)
        {
            throw Invalid(parameterSet, source, ex.Message, ex);
        }
    }

    /// <summary>Gets the parameter set of the key.</summary>
    public MLDsaParameterSet ParameterSet => (_key ?? throw new ObjectDisposedException(nameof(MLDsaPrivateKey))).ParameterSet;

    /// <summary>Hands the signing key to the caller, who disposes it from now on.</summary>
    public ISigningKey TakeSigningKey()
    {
        var key = _key ?? throw new ObjectDisposedException(nameof(MLDsaPrivateKey));
        _key = null;
        return key;
    }

    /// <summary>Returns the <c>SubjectPublicKeyInfo</c> of the key, as its certificate holds it.</summary>
    public override byte[] ExportSubjectPublicKeyInfo() => (byte[])_subjectPublicKeyInfo.Clone();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key?.Dispose();
            _key = null;
        }

        base.Dispose(disposing);
    }

    private static (ReadOnlyMemory<byte> Seed, ReadOnlyMemory<byte> Expanded) ReadPrivateKeyChoice(MLDsaParameterSet parameterSet, byte[] privateKey, MaterialSource source)
    {
        var reader = new AsnReader(privateKey, AsnEncodingRules.DER);
        var tag = reader.PeekTag();
        ReadOnlyMemory<byte> seed = default;
        ReadOnlyMemory<byte> expanded = default;
        if (tag.HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0)))
        {
            seed = ReadOctets(reader, new Asn1Tag(TagClass.ContextSpecific, 0));
        }
        else if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString))
        {
            expanded = ReadOctets(reader, Asn1Tag.PrimitiveOctetString);
        }
        else if (tag.HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var both = reader.ReadSequence();
            seed = ReadOctets(both, Asn1Tag.PrimitiveOctetString);
            expanded = ReadOctets(both, Asn1Tag.PrimitiveOctetString);
            both.ThrowIfNotEmpty();
        }
        else
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key in {source.Phrase} is an {parameterSet.Name} key in a form this library does not read: the forms read are those of RFC 9881 (seed only, expanded key only, or both, as OpenSSL 3.5, Python cryptography and the official helper write them), and this one, probably from a pre-standard tool such as an early oqs-provider, is none of them. {ExportHint}");
        }

        reader.ThrowIfNotEmpty();
        if (!seed.IsEmpty && seed.Length != MLDsaParameterSet.SeedSize)
        {
            throw Invalid(parameterSet, source, $"its seed is {seed.Length} bytes, and ML-DSA seeds are {MLDsaParameterSet.SeedSize}");
        }

        if (!expanded.IsEmpty && expanded.Length != parameterSet.ExpandedPrivateKeySize)
        {
            throw Invalid(parameterSet, source, $"its expanded key is {expanded.Length} bytes, and {parameterSet.Name} expanded keys are {parameterSet.ExpandedPrivateKeySize}");
        }

        if (seed.IsEmpty && expanded.IsEmpty)
        {
            throw Invalid(parameterSet, source, "it holds neither a seed nor an expanded key");
        }

        return (seed, expanded);
    }

    // The slices point into the caller's privateKey buffer, which the caller zeroes.
    private static ReadOnlyMemory<byte> ReadOctets(AsnReader reader, Asn1Tag tag) =>
        reader.TryReadPrimitiveOctetString(out var contents, tag) ? contents : throw new AsnContentException("a constructed OCTET STRING");

    private static RolesAnywhereConfigurationException Invalid(MLDsaParameterSet parameterSet, MaterialSource source, string why, Exception? inner = null) =>
        new($"The private key in {source.Phrase} is not a valid {parameterSet.Name} private key: {why}. {ExportHint}", inner);
}
