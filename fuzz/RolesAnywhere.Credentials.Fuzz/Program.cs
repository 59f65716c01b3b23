using RolesAnywhere.Credentials.Fuzz;
using RolesAnywhere.Credentials.Fuzz.Targets;

var targets = new[]
{
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
}.ToDictionary(target => target.Name, StringComparer.Ordinal);

if (args.Length == 0 || !targets.TryGetValue(args[0], out var chosen))
{
    Console.Error.WriteLine("usage: RolesAnywhere.Credentials.Fuzz <target> [input-file...]   (no files: run under afl-fuzz)");
    Console.Error.WriteLine("targets:");
    foreach (var target in targets.Values)
    {
        Console.Error.WriteLine($"  {target.Name,-26} {target.Parser}");
    }

    return args is ["--list"] ? 0 : 2;
}

if (args.Length > 1)
{
    // Replay: run each file once and report what escaped (how a crash afl found is turned into a unit test).
    var failures = 0;
    foreach (var file in args.Skip(1))
    {
        try
        {
            chosen.Run(File.ReadAllBytes(file));
            Console.WriteLine($"ok      {file}");
        }
        catch (Exception e)
        {
            failures++;
            Console.WriteLine($"CRASH   {file}\n{e}");
        }
    }

    return failures == 0 ? 0 : 1;
}

SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    chosen.Run(buffer.ToArray());
});
return 0;
