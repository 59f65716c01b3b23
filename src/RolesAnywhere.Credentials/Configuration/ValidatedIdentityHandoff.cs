using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Configuration;

/// <summary>
/// Hands the identity <see cref="RolesAnywhereOptionsValidator"/> loaded while validating options (at host start)
/// to the credentials created from the same options instance, so that a host opens the key once: one token
/// login, one PIN prompt, one TPM open. One per service provider; what is never taken is disposed with it,
/// and an identity replaced by a later validation (options reloaded) is disposed at once.
/// </summary>
internal sealed class ValidatedIdentityHandoff : IDisposable
{
    private readonly object _gate = new();
    private RolesAnywhereOptions? _options;
    private PreparedIdentity? _prepared;
    private bool _disposed;

    /// <summary>Keeps <paramref name="prepared"/>, loaded from <paramref name="options"/>, for <see cref="Take"/>; disposes the one it replaces.</summary>
    public void Offer(RolesAnywhereOptions options, PreparedIdentity prepared)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prepared);
        PreparedIdentity? replaced;
        lock (_gate)
        {
            if (_disposed)
            {
                replaced = prepared;
            }
            else
            {
                replaced = _prepared;
                (_options, _prepared) = (options, prepared);
            }
        }

        replaced?.Dispose();
    }

    /// <summary>Takes the identity loaded from this very <paramref name="options"/> instance, or returns <see langword="null"/>; the caller owns it.</summary>
    public PreparedIdentity? Take(RolesAnywhereOptions options)
    {
        lock (_gate)
        {
            if (_prepared is null || !ReferenceEquals(_options, options))
            {
                return null;
            }

            var taken = _prepared;
            (_options, _prepared) = (null, null);
            return taken;
        }
    }

    /// <summary>Disposes the identity nobody took.</summary>
    public void Dispose()
    {
        PreparedIdentity? left;
        lock (_gate)
        {
            _disposed = true;
            left = _prepared;
            (_options, _prepared) = (null, null);
        }

        left?.Dispose();
    }
}
