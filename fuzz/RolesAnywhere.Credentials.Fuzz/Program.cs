using RolesAnywhere.Credentials.Fuzz;

// The instrumented assemblies record every branch in SharpFuzz's trace map, which afl's shared memory replaces
// only once the fuzzing loop starts: until then (and for replays, without afl) they write into a map of their own.
TraceMap.EnsureAllocated();

if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } chosen)
{
    Console.Error.WriteLine("usage: RolesAnywhere.Credentials.Fuzz <target> [input-file...]   (no files: run under afl-fuzz)");
    Console.Error.WriteLine("targets:");
    foreach (var target in FuzzTargets.All)
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
