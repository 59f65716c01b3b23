using Net.Pkcs11Interop.HighLevelAPI;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Pkcs11.Interop;

/// <summary>What the token says about the private key a URI selected.</summary>
internal sealed record Pkcs11KeyInfo(
    IObjectHandle Handle,
    SigningKeyAlgorithm Algorithm,
    byte[] Id,
    string? Label,
    bool AlwaysAuthenticate,
    byte[]? RsaModulus,
    int EcCurveSizeInBits);
