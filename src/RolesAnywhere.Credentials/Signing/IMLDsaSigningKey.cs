namespace RolesAnywhere.Credentials.Signing;

/// <summary>An ML-DSA <see cref="ISigningKey"/> that knows its parameter set and public key (both implementations provide it).</summary>
internal interface IMLDsaSigningKey : ISigningKey
{
    /// <summary>Gets the parameter set: ML-DSA-44, -65 or -87.</summary>
    MLDsaParameterSet ParameterSet { get; }

    /// <summary>Returns the encoded public key (<see cref="MLDsaParameterSet.PublicKeySize"/> bytes), as a certificate carries it.</summary>
    byte[] ExportPublicKey();

    /// <summary>Returns whether <paramref name="expandedKey"/> is this key's expanded private key encoding (compared in fixed time).</summary>
    bool HasExpandedKey(ReadOnlySpan<byte> expandedKey);
}
