using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Identity;

/// <summary>
/// The checks run before any request: the leaf certificate meets the service's rules and is valid
/// now, the intermediates are valid now, and the key belongs to the certificate.
/// </summary>
internal static class IdentityValidator
{
    /// <summary>Checks the certificates; returns the key family the leaf's public key calls for.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">Every problem found, in one message.</exception>
    public static SigningKeyAlgorithm CheckCertificates(X509Certificate2 leaf, X509Certificate2Collection intermediates, string certificateSource, DateTimeOffset now)
    {
        var problems = new List<string>();
        var algorithm = CertificateProfile.CheckLeaf(leaf, now, problems);
        if (problems.Count > 0)
        {
            throw new RolesAnywhereConfigurationException(
                $"The certificate from {certificateSource} ({CertificateProfile.Describe(leaf)}) cannot be used: {string.Join(" Also, ", problems)}");
        }

        foreach (var intermediate in intermediates)
        {
            CertificateProfile.CheckValidity(intermediate, now, problems, "get the CA's current certificate");
            if (problems.Count > 0)
            {
                throw new RolesAnywhereConfigurationException(
                    $"The intermediate CA certificate ({CertificateProfile.Describe(intermediate)}) cannot be used: {problems[0]}");
            }
        }

        return algorithm!.Value;
    }

    /// <summary>Checks that <paramref name="key"/> is of the certificate's family and signs what the certificate verifies.</summary>
    /// <exception cref="RolesAnywhereConfigurationException">The key does not belong to the certificate.</exception>
    public static void CheckKeyPair(X509Certificate2 leaf, SigningKeyAlgorithm expected, ISigningKey key, string certificateSource, string keySource)
    {
        var fix = $"Use the private key the certificate was issued for (the certificate is {CertificateProfile.Describe(leaf)}).";
        if (key.Algorithm != expected)
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key from {keySource} is an {Name(key.Algorithm)} key, but the certificate from {certificateSource} holds an {Name(expected)} key: they do not belong together. {fix}");
        }

        if (key is IMLDsaSigningKey mldsa && MLDsaParameterSet.FromOid(leaf.GetKeyAlgorithm()) is { } certificateSet && !ReferenceEquals(certificateSet, mldsa.ParameterSet))
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key from {keySource} is an {mldsa.ParameterSet.Name} key, but the certificate from {certificateSource} holds an {certificateSet.Name} key: they do not belong together. {fix}");
        }

        if (!KeyPairCheck.Matches(leaf, key))
        {
            throw new RolesAnywhereConfigurationException(
                $"The private key from {keySource} does not belong to the certificate from {certificateSource}: a test signature by the key does not verify with the certificate's public key. {fix}");
        }
    }

    private static string Name(SigningKeyAlgorithm algorithm) => algorithm switch
    {
        SigningKeyAlgorithm.Rsa => "RSA",
        SigningKeyAlgorithm.MLDsa => "ML-DSA",
        _ => "ECDSA",
    };
}
