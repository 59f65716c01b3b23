using RolesAnywhere.Credentials.Fuzz.Targets;

namespace RolesAnywhere.Credentials.Fuzz;

/// <summary>Every fuzz target, by name: what <c>fuzz/run.sh</c> fuzzes and the replay test runs seeds and saved crashes through.</summary>
public static class FuzzTargets
{
    private static readonly FuzzTarget[] Targets =
    [
        PemTarget.Target,
        DerTarget.Target,
        Pkcs8Target.Target,
        EncryptedPkcs8Target.Target,
        Pkcs12Target.Target,
        ChainTarget.Target,
        CreateSessionResponseTarget.Target,
        CacheEntryTarget.Target,
        CredentialsFileTarget.Target,
        ServeTarget.Target,
        Pkcs11UriTarget.Target,
        CertSelectorTarget.Target,
        TerminalTextTarget.Target,
        TrustPolicyTarget.Target,
    ];

    /// <summary>The targets in the order <c>fuzz/run.sh</c> runs them.</summary>
    public static IReadOnlyList<FuzzTarget> All => Targets;

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => Array.Find(Targets, target => target.Name == name);
}
