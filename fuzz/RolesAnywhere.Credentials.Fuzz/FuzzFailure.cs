namespace RolesAnywhere.Credentials.Fuzz;

/// <summary>A broken invariant found by a harness (as opposed to an exception the parser let escape).</summary>
internal sealed class FuzzFailure(string message) : Exception(message);
