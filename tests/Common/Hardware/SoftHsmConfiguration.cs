namespace RolesAnywhere.Credentials.TestSupport.Hardware;

/// <summary>SoftHSM2 with its tokens in a directory of this run's (SOFTHSM2_CONF, set natively), and tokens initialised by softhsm2-util.</summary>
internal static class SoftHsmConfiguration
{
    public const string ModulePath = "/usr/lib/softhsm/libsofthsm2.so";

    /// <summary>Gets a value indicating whether the module and softhsm2-util are installed.</summary>
    public static bool IsInstalled => File.Exists(ModulePath) && ExternalTool.Find("softhsm2-util") is not null;

    /// <summary>Points SoftHSM2 (in this process and its children) at a token directory inside <paramref name="directory"/>.</summary>
    public static void Use(string directory)
    {
        string tokens = Path.Combine(directory, "tokens");
        Directory.CreateDirectory(tokens);
        string conf = Path.Combine(directory, "softhsm2.conf");
        File.WriteAllText(conf, $"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        NativeEnvironment.Set("SOFTHSM2_CONF", conf);
    }

    /// <summary>Initialises a token labelled <paramref name="label"/> in the first free slot.</summary>
    public static void InitToken(string label, string pin, string soPin) =>
        ExternalTool.Run("softhsm2-util", null, "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", soPin);

    /// <summary>Imports a PKCS#8 PEM private key into the token <paramref name="label"/> with the object label <paramref name="objectLabel"/> and id <paramref name="idHex"/>.</summary>
    public static void ImportKey(string pkcs8PemFile, string label, string objectLabel, string idHex, string pin) =>
        ExternalTool.Run("softhsm2-util", null, "--import", pkcs8PemFile, "--token", label, "--label", objectLabel, "--id", idHex, "--pin", pin);
}
