namespace RolesAnywhere.Credentials.Testing;

/// <summary>One scripted failure, queued with <see cref="RolesAnywhereEmulator.EnqueueFault"/> and played to the next CreateSession request.</summary>
public sealed class EmulatorFault
{
    private EmulatorFault(EmulatorFaultKind kind, TimeSpan? retryAfter, TimeSpan delay)
    {
        Kind = kind;
        RetryAfter = retryAfter;
        Delay = delay;
    }

    /// <summary>Gets what the fault does.</summary>
    public EmulatorFaultKind Kind { get; }

    /// <summary>Gets the <c>Retry-After</c> sent with a <see cref="EmulatorFaultKind.Throttle"/> answer (whole seconds), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets how long a <see cref="EmulatorFaultKind.Delay"/> fault holds the answer (real time, not the emulator clock).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Creates an HTTP 429 <c>ThrottlingException</c> answer.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> header to send (rounded up to whole seconds), or <see langword="null"/> for none.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryAfter"/> is negative.</exception>
    public static EmulatorFault Throttle(TimeSpan? retryAfter = null)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "Retry-After cannot be negative.");
        }

        return new(EmulatorFaultKind.Throttle, retryAfter, TimeSpan.Zero);
    }

    /// <summary>Creates an HTTP 500 <c>InternalServerException</c> answer.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault InternalError() => new(EmulatorFaultKind.InternalError, null, TimeSpan.Zero);

    /// <summary>Creates an HTTP 503 <c>ServiceUnavailableException</c> answer.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ServiceUnavailable() => new(EmulatorFaultKind.ServiceUnavailable, null, TimeSpan.Zero);

    /// <summary>Creates a fault that aborts the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault ConnectionReset() => new(EmulatorFaultKind.ConnectionReset, null, TimeSpan.Zero);

    /// <summary>Creates a fault that holds the answer for <paramref name="delay"/>, then processes the request normally.</summary>
    /// <param name="delay">How long to wait (real time), for example longer than the client's timeout.</param>
    /// <returns>The fault.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static EmulatorFault Hold(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");
        }

        return new(EmulatorFaultKind.Delay, null, delay);
    }

    /// <summary>Creates an HTTP 201 answer whose JSON body is cut off.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault MalformedBody() => new(EmulatorFaultKind.MalformedBody, null, TimeSpan.Zero);

    /// <summary>Creates an HTTP 201 answer with <c>"credentialSet": []</c>.</summary>
    /// <returns>The fault.</returns>
    public static EmulatorFault EmptyCredentialSet() => new(EmulatorFaultKind.EmptyCredentialSet, null, TimeSpan.Zero);

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EmulatorFaultKind.Throttle when RetryAfter is { } after => $"Throttle (Retry-After {after.TotalSeconds:0} s)",
        EmulatorFaultKind.Delay => $"Delay ({Delay.TotalMilliseconds:0} ms)",
        _ => Kind.ToString(),
    };
}
