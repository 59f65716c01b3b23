namespace RolesAnywhere.Credentials.Fuzz;

/// <summary>
/// One parser under fuzzing. <see cref="Run"/> feeds it one input and returns normally when the parser either
/// accepted the input or refused it with its documented exception; anything else (another exception type, a
/// broken invariant) escapes, and afl records a crash (the replay test, a failure).
/// </summary>
/// <param name="Name">The name <c>fuzz/run.sh</c> and the seed and crash folders use.</param>
/// <param name="Parser">What is fuzzed, for the target list.</param>
/// <param name="Run">Feeds one input to the parser.</param>
public sealed record FuzzTarget(string Name, string Parser, Action<byte[]> Run);
