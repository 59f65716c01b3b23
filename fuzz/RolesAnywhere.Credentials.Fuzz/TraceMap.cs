using System.Runtime.InteropServices;

namespace RolesAnywhere.Credentials.Fuzz;

/// <summary>
/// SharpFuzz's branch map outside afl. Instrumented code writes to <c>SharpFuzz.Common.Trace.SharedMem</c> on every
/// branch; SharpFuzz points it at afl's shared memory when the fuzzing loop starts, so code that runs before (the
/// targets' set-up) or without afl (a replay) needs a map of its own, else it writes through a null pointer.
/// </summary>
internal static unsafe class TraceMap
{
    /// <summary>afl's default map size (<c>MAP_SIZE</c>, 64 KiB), which SharpFuzz's instrumentation indexes into.</summary>
    private const int MapSize = 1 << 16;

    public static void EnsureAllocated()
    {
        if (SharpFuzz.Common.Trace.SharedMem == null)
        {
            // Never freed: the instrumented code may write to it until the process exits.
            SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
        }
    }
}
