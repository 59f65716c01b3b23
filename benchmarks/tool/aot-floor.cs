#:property TargetFramework=net10.0
#:property PublishAot=true
#:property InvariantGlobalization=true
#:property UseSystemResourceKeys=true
#:property ConcurrentGarbageCollection=false

// The floor for benchmarks/tool/measure.sh: a Native AOT process that starts, writes the size of a
// credential_process answer to standard output and exits. Whatever rolesanywhere's warm call costs above
// this is the tool's own work (reading the cache file, parsing, checking the expiry).
using var stdout = Console.OpenStandardOutput();
stdout.Write(new byte[744]);
