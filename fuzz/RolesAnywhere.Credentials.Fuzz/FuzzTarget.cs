namespace RolesAnywhere.Credentials.Fuzz;

/// <summary>
/// One parser under fuzzing. <see cref="Run"/> feeds it one input and returns normally when the parser either
/// accepted the input or refused it with its documented exception; anything else (another exception type, a
/// broken invariant) escapes and afl records a crash.
/// </summary>
internal sealed record FuzzTarget(string Name, string Parser, Action<byte[]> Run);
